package dev.tradewatch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.figures.FlowKey;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.figures.Usd;
import dev.tradewatch.domain.rules.DetectionConfig;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** State per flow and year: what a figure reads and writes does not grow with the history kept. */
class FlowTrackerTest {

  private static final Instant NOW = Instant.parse("2026-11-27T23:10:00Z");
  private static final FlowKey FLOW = new FlowKey("TUR", "AZE", "93");

  private final Map<Integer, FlowYear> store = new HashMap<>();
  private final FlowTracker tracker = new FlowTracker(DetectionConfig.defaults());

  @Test
  void shouldReadOnlyTheYearsAFigureCanChangeAndWriteOnlyThoseThatChanged() {
    for (int year = 2005; year <= 2024; year++) {
      for (int month = 1; month <= 12; month++) {
        apply(figure("TUR", YearMonth.of(year, month), 1_000_000), new TreeSet<>());
      }
    }
    TreeSet<Integer> read = new TreeSet<>();

    // a revision (the larger value wins a tie on publishedAt)
    FlowWindow window = apply(figure("TUR", YearMonth.of(2015, 6), 1_200_000), read);

    // at most Y−2..Y+2 of the 20 years kept, and Y..Y+2 at least (the years it re-evaluates)
    assertThat(read).isSubsetOf(2013, 2014, 2015, 2016, 2017).contains(2015, 2016, 2017);
    assertThat(window.changedYears()).extracting(FlowYear::year).containsExactly(2015);
  }

  @Test
  void shouldKeepBothReportersOfAFlowInOneYearAndTheirAlertsApart() {
    apply(figure("TUR", YearMonth.of(2020, 9), 77_100_000), new TreeSet<>());
    apply(figure("AZE", YearMonth.of(2020, 9), 80_000_000), new TreeSet<>());

    FlowYear year = store.get(2020);
    assertThat(year.reporters()).containsExactly("AZE", "TUR");
    assertThat(year.alerts("TUR"))
        .extracting(a -> a.alertId())
        .containsExactly("TUR-AZE-93-TUR-month-threshold-2020-09");
    assertThat(year.alerts("AZE"))
        .extracting(a -> a.alertId())
        .containsExactly("TUR-AZE-93-AZE-month-threshold-2020-09");
  }

  private FlowWindow apply(Figure figure, TreeSet<Integer> read) {
    FlowWindow window =
        new FlowWindow(
            FLOW,
            year -> {
              read.add(year);
              return store.get(year);
            });
    tracker.apply(window, figure, NOW);
    window.changedYears().forEach(year -> store.put(year.year(), year));
    return window;
  }

  private static Figure figure(String reporter, YearMonth period, long usd) {
    return new Figure(
        new SeriesKey("TUR", "AZE", "93", reporter),
        period,
        Basis.MONTH,
        Usd.toCents(usd),
        null,
        period
            .atEndOfMonth()
            .atStartOfDay()
            .toInstant(java.time.ZoneOffset.UTC)
            .plusSeconds(86_400L * 30));
  }
}
