package dev.tradewatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.FlowTracker;
import dev.tradewatch.domain.FlowWindow;
import dev.tradewatch.domain.FlowYear;
import dev.tradewatch.domain.SeriesState;
import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.figures.FigureId;
import dev.tradewatch.domain.figures.FlowKey;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.figures.Usd;
import dev.tradewatch.domain.rules.DetectionConfig;
import dev.tradewatch.domain.series.Reported;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateMetricsTest {

  private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final StateMetrics metrics = new StateMetrics(registry);

  @Test
  void shouldCountActiveAlertsByRuleAndSeverityAndSeries() {
    List<SeriesState> states =
        List.of(series("AZE", 77_100_000), series("OMN", 63_000_000), series("ARM", 1_000));

    metrics.update(StateSummary.of(states, 10));

    assertThat(
            registry
                .get(StateMetrics.ACTIVE_ALERTS)
                .tag("rule", "month-threshold")
                .tag("severity", "high")
                .gauge()
                .value())
        .isEqualTo(2);
    assertThat(
            registry
                .get(StateMetrics.ACTIVE_ALERTS)
                .tag("rule", "month-spike")
                .tag("severity", "medium")
                .gauge()
                .value())
        .isZero();
    assertThat(registry.get(StateMetrics.SERIES).gauge().value()).isEqualTo(3);
  }

  @Test
  void shouldCapPerSeriesGaugesPreferringSeriesWithActiveAlerts() {
    List<SeriesState> states = new ArrayList<>();
    states.add(series("AZE", 60_000_000)); // alerting
    for (String importer : List.of("ARM", "GEO", "KAZ", "UZB", "OMN")) {
      states.add(series(importer, 40_000_000)); // larger than nothing, but quiet
    }

    metrics.update(StateSummary.of(states, 3));

    assertThat(registry.find(StateMetrics.SERIES_LATEST_MONTH).gauges()).hasSize(3);
    assertThat(
            registry.find(StateMetrics.SERIES_LATEST_MONTH).tag("importer", "AZE").gauge().value())
        .isEqualTo(60_000_000);
  }

  @Test
  void shouldRemoveGaugesOfSeriesThatLeaveTheSet() {
    metrics.update(StateSummary.of(List.of(series("AZE", 60_000_000)), 5));
    metrics.update(StateSummary.of(List.of(series("OMN", 61_000_000)), 5));

    assertThat(registry.find(StateMetrics.SERIES_LATEST_MONTH).tag("importer", "AZE").gauge())
        .isNull();
    assertThat(registry.find(StateMetrics.SERIES_LATEST_MONTH).tag("importer", "OMN").gauge())
        .isNotNull();
  }

  @Test
  void shouldSayWhichMonthTheLatestValuesAreFromAndReplaceTheRowWhenANewerMonthArrives() {
    SeriesState aze = series("AZE", 60_000_000);
    metrics.update(StateSummary.of(List.of(aze), 5));
    assertThat(registry.find(StateMetrics.SERIES_LATEST_MONTH).gauge().getId().getTag("period"))
        .isEqualTo("2020-09");

    aze.putReported(
        new FigureId(YearMonth.of(2020, 10), Basis.MONTH),
        new Reported(Usd.toCents(1_000L), NOW, "t"));
    metrics.update(StateSummary.of(List.of(aze), 5));

    assertThat(registry.find(StateMetrics.SERIES_LATEST_MONTH).gauges())
        .singleElement()
        .satisfies(
            gauge -> {
              assertThat(gauge.getId().getTag("period")).isEqualTo("2020-10");
              assertThat(gauge.value()).isEqualTo(1_000);
            });
  }

  @Test
  void shouldExposeTheStreamsStateAsOneHotGaugesEvenAfterGarbageCollection() {
    new StreamsStateMetrics(() -> org.apache.kafka.streams.KafkaStreams.State.REBALANCING)
        .bindTo(registry);
    System.gc(); // a weakly held supplier would now read NaN

    assertThat(registry.get(StreamsStateMetrics.STATE).tag("state", "rebalancing").gauge().value())
        .isEqualTo(1);
    assertThat(registry.get(StreamsStateMetrics.STATE).tag("state", "running").gauge().value())
        .isZero();
  }

  private static SeriesState series(String importer, long usd) {
    SeriesKey key = new SeriesKey("TUR", importer, "total", "TUR");
    FlowWindow window = new FlowWindow(FlowKey.of(key), year -> null);
    new FlowTracker(DetectionConfig.defaults())
        .apply(
            window,
            new Figure(key, YearMonth.of(2020, 9), Basis.MONTH, Usd.toCents(usd), "test", NOW),
            NOW);
    return FlowYear.series(window.changedYears()).iterator().next();
  }
}
