package dev.tradewatch.domain;

import static dev.tradewatch.domain.Figures.figure;
import static dev.tradewatch.domain.Figures.republished;
import static dev.tradewatch.domain.Figures.seedCase;
import static dev.tradewatch.domain.Figures.ytd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.rules.DetectionConfig;
import dev.tradewatch.domain.rules.KeyNames;
import dev.tradewatch.domain.rules.MonthSpike;
import dev.tradewatch.domain.rules.MonthThreshold;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Selector;
import dev.tradewatch.domain.rules.Severity;
import dev.tradewatch.domain.series.Known;
import dev.tradewatch.domain.series.YearLedger;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeriesTrackerTest {

  private static final String AZE = "TUR-AZE-defence-aerospace-TUR-";
  private static final String ARM = "TUR-ARM-defence-aerospace-TUR-";

  @Test
  void shouldRaiseExactlyTheReferenceCaseAlerts() {
    Monitor monitor = new Monitor().feed(seedCase());

    assertThat(monitor.activeAlerts())
        .containsOnlyKeys(
            AZE + "month-spike-2020-08",
            AZE + "month-threshold-2020-09",
            AZE + "ytd-ratio-2020-09",
            AZE + "month-spike-2020-09",
            "TUR-OMN-defence-aerospace-TUR-month-threshold-2020-09",
            "TUR-USA-defence-aerospace-TUR-month-threshold-2020-09");
  }

  @Test
  void shouldDescribeTheSeptemberThresholdAlertAsTheContractShows() {
    Monitor monitor = new Monitor().feed(seedCase());

    Alert threshold = find(monitor.emitted(), AZE + "month-threshold-2020-09");
    assertThat(threshold.status()).isEqualTo(AlertStatus.FIRING);
    assertThat(threshold.severity()).isEqualTo(Severity.HIGH);
    assertThat(threshold.observedCents()).isEqualTo(7_710_000_000L);
    assertThat(threshold.baselineCents()).isEqualTo(5_000_000_000L);
    assertThat(threshold.ratio()).isEqualByComparingTo("1.542");
    assertThat(threshold.version()).isEqualTo(1);
    assertThat(threshold.message())
        .isEqualTo("TUR→AZE 2020-09: $77.1M in one month, at or above the $50.0M threshold");
  }

  @Test
  void shouldComputeTheYtdRatioAgainstTheSameMonthAYearEarlier() {
    Alert ratio = find(new Monitor().feed(seedCase()).emitted(), AZE + "ytd-ratio-2020-09");

    assertThat(ratio.observedCents()).isEqualTo(12_300_000_000L);
    assertThat(ratio.baselineCents()).isEqualTo(2_070_000_000L);
    assertThat(ratio.ratio()).isEqualByComparingTo("5.942");
    assertThat(ratio.severity()).isEqualTo(Severity.HIGH);
    assertThat(ratio.message()).contains("$123.0M year to date, 5.942× the $20.7M of Jan–Sep 2019");
  }

  @Test
  void shouldKeepOmanAndUsaToTheThresholdRuleWhenNoBaselineOrRatioExists() {
    Monitor monitor = new Monitor().feed(seedCase());

    assertThat(monitor.emitted())
        .filteredOn(a -> !a.series().importer().equals("AZE"))
        .<Rule<?>>extracting(Alert::rule)
        .containsOnly(MonthThreshold.RULE)
        .hasSize(2);
  }

  @Test
  void shouldUpdateOneAlertInsteadOfAddingOneWhenARevisionChangesTheMonth() {
    Figure first = figure("TUR", "AZE", "2020-09", 76_700_000);
    Figure revised = republished(first, 77_100_000, first.publishedAt().plusSeconds(86_400));

    Monitor monitor = new Monitor().feed(first, revised);

    assertThat(monitor.emitted())
        .extracting(Alert::alertId)
        .containsExactly(AZE + "month-threshold-2020-09", AZE + "month-threshold-2020-09");
    Alert updated = monitor.emitted().get(1);
    assertThat(updated.status()).isEqualTo(AlertStatus.UPDATED);
    assertThat(updated.version()).isEqualTo(2);
    assertThat(updated.observedCents()).isEqualTo(7_710_000_000L);
    assertThat(monitor.outcomes()).containsExactly(FigureOutcome.NEW, FigureOutcome.REVISION);
  }

  @Test
  void shouldResolveAlertWhenRevisionDropsBelowThreshold() {
    Figure first = figure("TUR", "AZE", "2020-09", 77_100_000);
    Figure revised = republished(first, 40_000_000, first.publishedAt().plusSeconds(86_400));

    Monitor monitor = new Monitor().feed(first, revised);

    Alert resolved = monitor.emitted().get(1);
    assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(resolved.version()).isEqualTo(2);
    assertThat(resolved.observedCents()).isEqualTo(4_000_000_000L);
    assertThat(resolved.message())
        .isEqualTo(
            "TUR→AZE 2020-09: month-threshold no longer fires: $40.0M, below the $50.0M threshold");
    assertThat(monitor.activeAlerts()).isEmpty();
  }

  @Test
  void shouldCarryTheNumbersAsTheyNowStandWhateverTheOrderOfRevisions() {
    Figure first = figure("TUR", "AZE", "2020-09", 77_100_000);
    Figure lower = republished(first, 60_000_000, first.publishedAt().plusSeconds(86_400));
    Figure lowest = republished(first, 40_000_000, first.publishedAt().plusSeconds(2 * 86_400));
    Figure later = republished(first, 45_000_000, first.publishedAt().plusSeconds(3 * 86_400));

    Alert oneByOne = lastEmitted(new Monitor().feed(first, lower, lowest, later));
    Alert directly = lastEmitted(new Monitor().feed(first, later, lowest, lower));

    assertThat(oneByOne.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(oneByOne.observedCents()).isEqualTo(4_500_000_000L);
    assertThat(oneByOne.message()).isEqualTo(directly.message());
    assertThat(oneByOne.ratio()).isEqualTo(directly.ratio());
    assertThat(oneByOne.severity()).isEqualTo(directly.severity());
  }

  @Test
  void shouldResolveWithTheLastNumbersThatFiredWhenTheMonthIsNoLongerKnown() {
    Figure august = ytd("TUR", "AZE", "2020-08", 10_000_000);
    Figure september = ytd("TUR", "AZE", "2020-09", 87_100_000);
    // a revised August ytd above September's: September can no longer be derived
    Figure revised = republished(august, 100_000_000, august.publishedAt().plusSeconds(86_400));
    List<List<Figure>> orders =
        List.of(
            List.of(august, september, revised),
            List.of(september, august, revised),
            List.of(august, revised, september),
            List.of(revised, september, august));
    String threshold = AZE + "month-threshold-2020-09";

    for (List<Figure> order : orders) {
      Monitor monitor = new Monitor().feed(order.toArray(Figure[]::new));
      // deterministic whatever the order: the alert is not active, and a record, if the
      // alert ever fired in this order, is RESOLVED with the numbers it last fired with
      assertThat(monitor.activeAlerts()).as("%s", order).isEmpty();
      monitor.emitted().stream()
          .filter(alert -> alert.alertId().equals(threshold))
          .reduce((earlier, last) -> last)
          .ifPresent(
              alert ->
                  assertThat(alert.message())
                      .isEqualTo(
                          "TUR→AZE 2020-09: month-threshold no longer fires: it last fired at"
                              + " $77.1M, at or above the $50.0M threshold"));
    }
    assertThat(new Monitor().feed(august, september, revised).emitted())
        .filteredOn(alert -> alert.alertId().equals(threshold))
        .extracting(Alert::status)
        .containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
  }

  private static Alert lastEmitted(Monitor monitor) {
    return monitor.emitted().get(monitor.emitted().size() - 1);
  }

  @Test
  void shouldEmitNothingWhenTheSameFigureIsProcessedAgain() {
    Figure september = figure("TUR", "AZE", "2020-09", 77_100_000);

    Monitor monitor = new Monitor().feed(september, september);

    assertThat(monitor.emitted()).hasSize(1);
    assertThat(monitor.outcomes()).containsExactly(FigureOutcome.NEW, FigureOutcome.DUPLICATE);
  }

  @Test
  void shouldIgnoreAndCountAStaleRevision() {
    Figure current = figure("TUR", "AZE", "2020-09", 77_100_000);
    Figure older = republished(current, 10_000_000, current.publishedAt().minusSeconds(86_400));

    Monitor monitor = new Monitor().feed(current, older);

    assertThat(monitor.outcomes()).containsExactly(FigureOutcome.NEW, FigureOutcome.STALE);
    assertThat(monitor.activeAlerts()).containsOnlyKeys(AZE + "month-threshold-2020-09");
  }

  @Test
  void shouldBreakEqualPublicationTimesByTheLargerValueWhateverTheOrder() {
    Figure small = figure("TUR", "AZE", "2020-09", 40_000_000);
    Figure large = republished(small, 77_100_000, small.publishedAt());

    Map<String, String> smallFirst = new Monitor().feed(small, large).activeAlerts();
    Map<String, String> largeFirst = new Monitor().feed(large, small).activeAlerts();

    assertThat(smallFirst).isEqualTo(largeFirst).containsOnlyKeys(AZE + "month-threshold-2020-09");
  }

  @Test
  void shouldDeriveJanuaryToJuneFromTheSeptemberYtdLessJulyToSeptember() {
    Monitor monitor = new Monitor().feed(seedCase());
    SeriesState state = monitor.state(seedCase()[0].series());

    YearLedger ledger = state.ledger(2020);
    assertThat(ledger.ytd(6)).contains(new Known(962_112_000L, false));
    assertThat(ledger.month(6)).isEmpty();
    assertThat(ledger.estimate(3)).hasValue(160_352_000L);
  }

  @Test
  void shouldApplyARevisionThatArrivesThreeYearsLate() {
    Figure original = figure("TUR", "AZE", "2020-09", 77_100_000);
    Instant threeYearsLater = Instant.parse("2023-10-02T00:00:00Z");

    Monitor monitor =
        new Monitor()
            .feed(
                original,
                figure("TUR", "AZE", "2022-05", 1_000),
                republished(original, 20_000_000, threeYearsLater));

    assertThat(monitor.outcomes()).last().isEqualTo(FigureOutcome.REVISION);
    assertThat(monitor.emitted())
        .last()
        .satisfies(
            alert -> {
              assertThat(alert.status()).isEqualTo(AlertStatus.RESOLVED);
              assertThat(alert.period()).hasToString("2020-09");
            });
  }

  @Test
  void shouldStartYearToDateAfreshEveryJanuary() {
    Monitor monitor =
        new Monitor()
            .feed(
                ytd("TUR", "AZE", "2019-12", 500_000_000),
                ytd("TUR", "AZE", "2020-01", 60_000_000));
    SeriesState state = monitor.state(seedCase()[0].series());

    assertThat(state.ledger(2020).month(1)).contains(new Known(6_000_000_000L, false));
    assertThat(monitor.activeAlerts()).containsOnlyKeys(AZE + "month-threshold-2020-01");
  }

  @Test
  void shouldReevaluateTheNextYearWhenLastYearsYtdArrivesLate() {
    Monitor monitor = new Monitor().feed(ytd("TUR", "AZE", "2020-03", 60_000_000));
    assertThat(monitor.activeAlerts()).doesNotContainKey(AZE + "ytd-ratio-2020-03");

    monitor.feed(ytd("TUR", "AZE", "2019-03", 5_000_000));

    assertThat(monitor.activeAlerts()).containsKey(AZE + "ytd-ratio-2020-03");
  }

  @Test
  void shouldMarkAlertsCriticalAtTwiceTheirThreshold() {
    Monitor monitor = new Monitor().feed(figure("TUR", "AZE", "2020-09", 100_000_000));

    assertThat(monitor.emitted())
        .singleElement()
        .extracting(Alert::severity)
        .isEqualTo(Severity.CRITICAL);
  }

  @Test
  void shouldApplyPerPairOverridesOnlyToThatPair() {
    DetectionConfig config =
        rules(
            Map.of("tradewatch.rules.month-threshold.overrides.TUR-USA.threshold-usd", "100000000"),
            "TUR-USA");

    Monitor monitor = new Monitor(config).feed(seedCase());

    assertThat(monitor.activeAlerts())
        .doesNotContainKey("TUR-USA-defence-aerospace-TUR-month-threshold-2020-09")
        .containsKey("TUR-OMN-defence-aerospace-TUR-month-threshold-2020-09");
  }

  @Test
  void shouldStaySilentForADisabledRule() {
    DetectionConfig config = rules(Map.of("tradewatch.rules.month-threshold.enabled", "false"));

    Monitor monitor = new Monitor(config).feed(seedCase());

    assertThat(monitor.activeAlerts())
        .noneSatisfy((id, value) -> assertThat(id).contains("month-threshold"))
        .containsKey(AZE + "ytd-ratio-2020-09");
  }

  @Test
  void shouldEvaluateARuleOnlyForSeriesInItsScope() {
    DetectionConfig config =
        rules(
            Map.of(
                "tradewatch.rules.month-threshold.categories", "93,defence-aerospace",
                "tradewatch.rules.month-threshold.importers", "AZE,USA"));

    Monitor monitor =
        new Monitor(config)
            .feed(seedCase())
            .feed(figure("TUR", "AZE", "2020-09", 77_100_000)); // category total: out of scope

    assertThat(monitor.activeAlerts())
        .containsKeys(
            AZE + "month-threshold-2020-09",
            "TUR-USA-defence-aerospace-TUR-month-threshold-2020-09")
        .doesNotContainKeys(
            "TUR-OMN-defence-aerospace-TUR-month-threshold-2020-09",
            "TUR-AZE-total-TUR-month-threshold-2020-09");
  }

  @Test
  void shouldTakeEachKeyFromTheMostSpecificSelectorThatSetsIt() {
    DetectionConfig config =
        rules(
            Map.of(
                "tradewatch.rules.month-threshold.overrides.TUR-*.threshold-usd", "70000000",
                "tradewatch.rules.month-threshold.overrides.*-*-defence-aerospace.importers",
                    "AZE,OMN"),
            "TUR-*",
            "*-*-defence-aerospace");

    Monitor monitor = new Monitor(config).feed(seedCase());

    // every TUR series takes TUR-*'s $70M (the more specific selector does not set it): OMN's $63M
    // stays below; defence-aerospace's importers leave USA out
    assertThat(monitor.activeAlerts())
        .containsKey(AZE + "month-threshold-2020-09")
        .doesNotContainKeys(
            "TUR-OMN-defence-aerospace-TUR-month-threshold-2020-09",
            "TUR-USA-defence-aerospace-TUR-month-threshold-2020-09");
  }

  @Test
  void shouldFireASpikeAgainstAZeroBaselineWithoutARatio() {
    Monitor monitor =
        new Monitor()
            .feed(figure("TUR", "ARM", "2020-08", 0), figure("TUR", "ARM", "2020-09", 6_000_000));

    Alert spike = monitor.emitted().get(0);
    assertThat(spike.rule()).isEqualTo(MonthSpike.RULE);
    assertThat(spike.ratio()).isNull();
    assertThat(spike.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(spike.message()).contains("against the typical $0");
  }

  @Test
  void shouldWakeADormantPartnerWhenQuietMonthsTwoYearsEarlierArrive() {
    // March 2020 looks back to March 2018: December 2018 makes twelve known months
    Figure march = figure("TUR", "ARM", "2020-03", 4_000_000);
    Monitor monitor =
        new Monitor()
            .feed(march, figure("TUR", "ARM", "2020-01", 40_000))
            .feed(figure("TUR", "ARM", "2020-02", 60_000))
            .feed(quietMonths("2018-03", 9));
    String dormant = ARM + "dormant-partner-2020-03";
    assertThat(monitor.activeAlerts()).doesNotContainKey(dormant);

    monitor.feed(figure("TUR", "ARM", "2018-12", 90_000));

    Alert woken = find(monitor.emitted(), dormant);
    assertThat(woken.status()).isEqualTo(AlertStatus.FIRING);
    assertThat(woken.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(woken.baselineCents()).isEqualTo(10_000_000L);
    assertThat(woken.ratio()).isEqualByComparingTo("40");
    assertThat(woken.evidence()).hasSize(13);
    assertThat(woken.method()).isEqualTo("24 months 2018-03..2020-02, 12 known, all ≤ $100.0K");
    assertThat(woken.message())
        .isEqualTo("TUR→ARM 2020-03: $4.0M after 24 months of at most $100.0K (12 known)");
    assertThat(monitor.activeAlerts()).containsOnlyKeys(dormant);
  }

  @Test
  void shouldPutADormantPartnerToRestWhenAMonthTwoYearsEarlierIsRevisedUp() {
    Figure[] quiet = quietMonths("2018-03", 12);
    Figure june = quiet[3];
    Monitor monitor = new Monitor().feed(quiet).feed(figure("TUR", "ARM", "2020-03", 4_000_000));
    String dormant = ARM + "dormant-partner-2020-03";
    assertThat(monitor.activeAlerts()).containsKey(dormant);

    monitor.feed(republished(june, 250_000, june.publishedAt().plusSeconds(86_400)));

    Alert resolved = lastEmitted(monitor);
    assertThat(resolved.alertId()).isEqualTo(dormant);
    assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(resolved.message())
        .isEqualTo(
            "TUR→ARM 2020-03: dormant-partner no longer fires: $4.0M, but 1 of the 12 known months"
                + " before it was above $100.0K");
  }

  @Test
  void shouldWakeTheSameDormantPartnerWhateverTheOrderOfArrival() {
    List<Figure> figures = new ArrayList<>(List.of(quietMonths("2018-03", 12)));
    figures.add(figure("TUR", "ARM", "2019-05", 70_000));
    figures.add(ytd("TUR", "ARM", "2019-12", 600_000)); // the rest of 2019 at the span's average
    figures.add(figure("TUR", "ARM", "2020-03", 25_000_000));
    List<Figure> reversed = new ArrayList<>(figures);
    Collections.reverse(reversed);
    List<Figure> shuffled = new ArrayList<>(figures);
    Collections.shuffle(shuffled, new Random(7));

    Map<String, String> forward = new Monitor().feed(figures.toArray(Figure[]::new)).currentState();

    assertThat(forward)
        .containsKey(ARM + "month-spike-2020-03")
        .hasEntrySatisfying(
            ARM + "dormant-partner-2020-03",
            state ->
                assertThat(state)
                    .startsWith("active HIGH 2500000000/10000000")
                    .contains("24 months 2018-03..2020-02, 22 known, all ≤ $100.0K"));
    assertThat(new Monitor().feed(reversed.toArray(Figure[]::new)).currentState())
        .isEqualTo(forward);
    assertThat(new Monitor().feed(shuffled.toArray(Figure[]::new)).currentState())
        .isEqualTo(forward);
  }

  @Test
  void shouldWakeADormantPartnerWhenARuleChangeIsReevaluated() {
    Monitor monitor =
        new Monitor()
            .feed(quietMonths("2018-03", 10))
            .feed(figure("TUR", "ARM", "2020-03", 4_000_000));
    assertThat(monitor.activeAlerts()).isEmpty(); // ten months known, twelve needed
    List<Alert> changes =
        monitor.reevaluateAll(
            rules(Map.of("tradewatch.rules.dormant-partner.min-known-months", "10")));

    assertThat(changes)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.alertId()).isEqualTo(ARM + "dormant-partner-2020-03");
              assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
            });
  }

  @Test
  void shouldApplyADormantPartnerOverrideOnlyToTheFlowsItsSelectorPicks() {
    DetectionConfig config =
        rules(
            Map.of("tradewatch.rules.dormant-partner.overrides.TUR-ARM.floor-usd", "5000000"),
            "TUR-ARM");
    Figure[] quiet = quietMonths("2018-03", 12);
    Figure[] quietOman =
        Arrays.stream(quiet)
            .map(f -> figure("TUR", "OMN", f.period().toString(), 50_000))
            .toArray(Figure[]::new);

    Monitor monitor =
        new Monitor(config)
            .feed(quiet)
            .feed(quietOman)
            .feed(figure("TUR", "ARM", "2020-03", 4_000_000))
            .feed(figure("TUR", "OMN", "2020-03", 4_000_000));

    assertThat(monitor.activeAlerts())
        .containsOnlyKeys("TUR-OMN-defence-aerospace-TUR-dormant-partner-2020-03");
  }

  /** {@code count} TUR→ARM months from {@code first} on, of $50K, $51K, $52K, …. */
  private static Figure[] quietMonths(String first, int count) {
    Figure[] months = new Figure[count];
    for (int i = 0; i < count; i++) {
      String period = YearMonth.parse(first).plusMonths(i).toString();
      months[i] = figure("TUR", "ARM", period, 50_000 + 1_000L * i);
    }
    return months;
  }

  private static DetectionConfig rules(Map<String, String> keys, String... selectors) {
    return DetectionConfig.read(
        new KeyNames("tradewatch.rules."),
        keys,
        Arrays.stream(selectors).map(text -> Selector.parse(text).orElseThrow()).toList());
  }

  private static Alert find(List<Alert> alerts, String id) {
    return alerts.stream().filter(a -> a.alertId().equals(id)).reduce((a, b) -> b).orElseThrow();
  }
}
