package dev.tradewatch.metrics;

import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Rules;
import dev.tradewatch.domain.rules.Severity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Gauges derived from the state stores: active alerts by rule and severity, series tracked, and the
 * latest month and ytd of a capped set of series. They show the last {@link StateSummary} given to
 * {@link #update}; series gauges of series that left the set are removed, so label values stay
 * bounded.
 */
public final class StateMetrics {

  public static final String ACTIVE_ALERTS = "tradewatch.active.alerts";
  public static final String SERIES = "tradewatch.series";
  public static final String SERIES_LATEST_MONTH = "tradewatch.series.latest.month";
  public static final String SERIES_LATEST_YTD = "tradewatch.series.latest.ytd";
  public static final String SOURCE_AGE = "tradewatch.source.age";

  /** How fresh one source is: its latest period, and the whole months from it to "now". */
  public record SourceFreshness(String reporter, String category, YearMonth latest, long months) {}

  private volatile StateSummary summary = StateSummary.empty();
  private final MultiGauge latestMonth;
  private final MultiGauge latestYtd;
  private final MultiGauge sourceAge;

  public StateMetrics(MeterRegistry registry) {
    for (Rule<?> rule : Rules.ALL) {
      for (Severity severity : rule.severities()) {
        Gauge.builder(ACTIVE_ALERTS, this, m -> m.summary.activeAlerts().get(rule).get(severity))
            .description("Alerts currently firing (FIRING or UPDATED) in this instance's state")
            .tag("rule", rule.name())
            .tag("severity", severity.wireName())
            .strongReference(true)
            .register(registry);
      }
    }
    Gauge.builder(SERIES, this, m -> m.summary.series())
        .description("Series tracked in this instance's state")
        .baseUnit("series")
        .strongReference(true)
        .register(registry);
    latestMonth =
        MultiGauge.builder(SERIES_LATEST_MONTH)
            .baseUnit("usd")
            .description(
                "Latest reported monthly value of a series, tagged with its month (series with active alerts, then the largest)")
            .register(registry);
    sourceAge =
        MultiGauge.builder(SOURCE_AGE)
            .baseUnit("months")
            .description(
                "Months from a source's latest period (a reporter's publications in a category) to"
                    + " now, tagged with that period; the stalest sources, capped like the series")
            .register(registry);
    latestYtd =
        MultiGauge.builder(SERIES_LATEST_YTD)
            .baseUnit("usd")
            .description(
                "Latest reported year-to-date value of a series in the same capped set, tagged with the month it runs to")
            .register(registry);
  }

  /** Shows the {@code limit} stalest of {@code sources}; the others' rows are removed. */
  public void updateSources(List<SourceFreshness> sources, int limit) {
    sourceAge.register(
        sources.stream()
            .sorted(
                Comparator.comparingLong(SourceFreshness::months)
                    .reversed()
                    .thenComparing(SourceFreshness::reporter)
                    .thenComparing(SourceFreshness::category))
            .limit(limit)
            .map(
                s ->
                    MultiGauge.Row.of(
                        Tags.of(
                            "reporter",
                            s.reporter(),
                            "category",
                            s.category(),
                            "period",
                            s.latest().toString()),
                        s.months()))
            .toList(),
        true);
  }

  public void update(StateSummary next) {
    summary = next;
    List<StateSummary.SeriesRow> rows = next.topSeries();
    latestMonth.register(
        rows.stream()
            .filter(r -> r.latestMonth() != null)
            .map(r -> row(r.series(), r.latestMonth()))
            .toList(),
        true);
    latestYtd.register(
        rows.stream()
            .filter(r -> r.latestYtd() != null)
            .map(r -> row(r.series(), r.latestYtd()))
            .toList(),
        true);
  }

  /**
   * One series' gauge, tagged with the period of its value: a new month replaces the row (the old
   * one is removed), so a series still has one row at a time.
   */
  private static MultiGauge.Row<?> row(SeriesKey series, StateSummary.Latest latest) {
    Tags tags =
        Tags.of(
            "exporter",
            series.exporter(),
            "importer",
            series.importer(),
            "category",
            Objects.requireNonNull(series.category()),
            "reporter",
            series.reporter(),
            "period",
            latest.period().toString());
    return MultiGauge.Row.of(tags, latest.cents() / 100.0);
  }
}
