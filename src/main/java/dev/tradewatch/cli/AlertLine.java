package dev.tradewatch.cli;

import dev.tradewatch.domain.alerts.Alert;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * One readable line per alert change, for terminals: {@code FIRING high TUR→AZE 2020-09
 * month-threshold $77.1M ≥ $50.0M as of 2020-10-02} (the day its figures were all published; left
 * out for an alert stored before evidence was kept).
 */
public final class AlertLine {

  private AlertLine() {}

  public static String format(Alert alert) {
    String pair =
        alert.series().isSource()
            ? alert.series().reporter() + " (all)"
            : alert.series().exporter() + "→" + alert.series().importer();
    String category =
        "total".equals(alert.series().category()) ? "" : " [" + alert.series().category() + "]";
    return String.format(
        Locale.ROOT,
        "%-9s %-9s %-8s %s  %-16s %s%s%s",
        alert.status(),
        alert.severity().wireName(),
        pair,
        alert.period(),
        alert.rule().name(),
        alert.rule().numbers(alert.finding()),
        alert.asOf() == null ? "" : " as of " + alert.asOf().atZone(ZoneOffset.UTC).toLocalDate(),
        category);
  }
}
