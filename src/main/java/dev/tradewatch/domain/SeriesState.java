package dev.tradewatch.domain;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertKey;
import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.FigureId;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.Rules;
import dev.tradewatch.domain.series.Reported;
import dev.tradewatch.domain.series.YearLedger;
import java.time.Year;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Everything tradewatch remembers about one series: the latest reported value of every figure id
 * (revisions replace, never add) and the last emitted state of every alert. Mutable; owned by one
 * stream task at a time, so no synchronisation.
 */
public final class SeriesState {

  private final SeriesKey series;
  private final TreeMap<FigureId, Reported> reported = new TreeMap<>();
  private final TreeMap<AlertKey, Alert> alerts = new TreeMap<>();

  public SeriesState(SeriesKey series) {
    this.series = series;
  }

  public SeriesKey series() {
    return series;
  }

  public Reported reported(FigureId id) {
    return reported.get(id);
  }

  public void putReported(FigureId id, Reported value) {
    reported.put(id, value);
  }

  /** All reported values in period order (read-only). */
  public NavigableMap<FigureId, Reported> reported() {
    return Collections.unmodifiableNavigableMap(reported);
  }

  public Alert alert(AlertKey key) {
    return alerts.get(key);
  }

  public void putAlert(Alert alert) {
    alerts.put(alert.key(), alert);
  }

  /** All alerts ever emitted for this series, in their last state (read-only). */
  public Collection<Alert> alerts() {
    return Collections.unmodifiableCollection(alerts.values());
  }

  /** Alerts whose period lies in {@code year}. */
  public Collection<Alert> alertsIn(Year year) {
    AlertKey from = new AlertKey(Rules.first(), YearMonth.of(year.getValue(), 1));
    AlertKey to = new AlertKey(Rules.last(), YearMonth.of(year.getValue(), 12));
    return alerts.subMap(from, true, to, true).values();
  }

  /** The reconciled ledger of one calendar year, built from the reported values of that year. */
  public YearLedger ledger(int year) {
    Reported[] months = new Reported[13];
    Reported[] ytds = new Reported[13];
    FigureId from = new FigureId(YearMonth.of(year, 1), Basis.MONTH);
    FigureId to = new FigureId(YearMonth.of(year, 12), Basis.YTD);
    reported
        .subMap(from, true, to, true)
        .forEach(
            (id, value) -> {
              Reported[] target = id.basis() == Basis.MONTH ? months : ytds;
              target[id.period().getMonthValue()] = value;
            });
    return YearLedger.reconcile(year, months, ytds);
  }
}
