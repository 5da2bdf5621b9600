package dev.tradewatch.metrics;

import dev.tradewatch.domain.SeriesState;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.FigureId;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Rules;
import dev.tradewatch.domain.rules.Severity;
import dev.tradewatch.domain.series.Reported;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/**
 * What the gauges show, computed in one pass over the series states of this instance: active alerts
 * by rule and severity, how many series exist, and the few series that get their own gauges (those
 * with active alerts first, then the largest latest monthly values, capped at {@code maxSeries}).
 */
public record StateSummary(
    Map<Rule<?>, Map<Severity, Long>> activeAlerts, long series, List<SeriesRow> topSeries) {

  /** The latest reported month and ytd of one series (null when the series has none). */
  public record SeriesRow(
      SeriesKey series, Latest latestMonth, Latest latestYtd, boolean hasActiveAlert) {}

  /** A reported value and its period (for a ytd, the month it runs to). */
  public record Latest(YearMonth period, long cents) {}

  public static StateSummary of(Iterable<SeriesState> states, int maxSeries) {
    Map<Rule<?>, Map<Severity, Long>> active = new LinkedHashMap<>();
    for (Rule<?> rule : Rules.ALL) {
      Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
      for (Severity severity : Severity.values()) {
        bySeverity.put(severity, 0L);
      }
      active.put(rule, bySeverity);
    }
    long count = 0;
    List<SeriesRow> rows = new ArrayList<>();
    for (SeriesState state : states) {
      boolean aSeries = !state.series().isFlow() && !state.series().isSource();
      boolean alerting = false;
      for (Alert alert : state.alerts()) {
        if (alert.status().isActive()) {
          active.get(alert.rule()).merge(alert.severity(), 1L, Long::sum);
          alerting = true;
        }
      }
      if (aSeries) { // a flow's or a source's own alerts count above; they are no series
        count++;
        rows.add(
            new SeriesRow(
                state.series(), latest(state, Basis.MONTH), latest(state, Basis.YTD), alerting));
      }
    }
    rows.sort(
        Comparator.comparing(SeriesRow::hasActiveAlert)
            .reversed()
            .thenComparing(
                row -> row.latestMonth() == null ? -1 : row.latestMonth().cents(),
                Comparator.reverseOrder())
            .thenComparing(row -> row.series().id()));
    return new StateSummary(
        active, count, List.copyOf(rows.subList(0, Math.min(maxSeries, rows.size()))));
  }

  public static StateSummary empty() {
    return of(List.of(), 0);
  }

  private static Latest latest(SeriesState state, Basis basis) {
    for (Entry<FigureId, Reported> entry : state.reported().descendingMap().entrySet()) {
      if (entry.getKey().basis() == basis) {
        return new Latest(entry.getKey().period(), entry.getValue().valueCents());
      }
    }
    return null;
  }
}
