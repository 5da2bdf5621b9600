package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.config.RulesTopicLayer;
import dev.tradewatch.config.SettingsLoader;
import dev.tradewatch.config.Topics;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.Usd;
import dev.tradewatch.metrics.PipelineMetrics;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TradewatchTopologyTest {

  private static final String AZE = "TUR-AZE-defence-aerospace-TUR-";
  private static final String SEPTEMBER =
      """
            {"exporter":"TUR","importer":"AZE","period":"2020-09","basis":"month","valueUsd":%s,\
            "category":"defence-aerospace","source":"TIM","publishedAt":"%s"}""";

  private TopologyFixture fixture = new TopologyFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void shouldRaiseExactlyTheReferenceCaseAlerts() {
    fixture.sendSeedCase();

    Map<String, Alert> latest = TopologyFixture.latest(fixture.readAlerts());

    assertThat(latest)
        .containsOnlyKeys(
            AZE + "month-spike-2020-08",
            AZE + "month-threshold-2020-09",
            AZE + "ytd-ratio-2020-09",
            AZE + "month-spike-2020-09",
            "TUR-OMN-defence-aerospace-TUR-month-threshold-2020-09",
            "TUR-USA-defence-aerospace-TUR-month-threshold-2020-09");
    assertThat(latest.values()).allMatch(alert -> alert.status().isActive());
    assertThat(fixture.deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldRaiseTheSameAlertsWhetherAFigureIsTrackedInPlaceOrMovedToItsFlowsPartition() {
    String repartition = "tradewatch-test-" + TradewatchTopology.REPARTITION + "-repartition";
    fixture.sendSeedCase();
    List<Alert> inPlace = fixture.readAlerts();
    assertThat(fixture.writtenTopics()).doesNotContain(repartition);

    TopologySettings settings =
        TopologyFixture.settingsWith(
            Map.of(TopologyFixture.SOURCES_AS_OF, TopologyFixture.REFERENCE_DATA_TIME));
    useSettings(
        new TopologySettings(
            settings.topics(),
            settings.rules(),
            settings.maxRecordBytes(),
            settings.deadLetterMaxBytes(),
            0)); // partitions unknown: every figure goes through the repartition topic
    fixture.sendSeedCase();
    List<Alert> moved = fixture.readAlerts();

    assertThat(fixture.writtenTopics()).contains(repartition);
    assertThat(moved).hasSize(inPlace.size()).isNotEmpty();
    assertThat(moved).usingRecursiveFieldByFieldElementComparator().isEqualTo(inPlace);
  }

  @Test
  void shouldWriteTheContractsAlertJson() {
    fixture.sendSeedCase();
    Alert threshold =
        TopologyFixture.latest(fixture.readAlerts()).get(AZE + "month-threshold-2020-09");

    assertThat(AlertJson.toJson(threshold))
        .isEqualTo(
            """
                {"alertId":"TUR-AZE-defence-aerospace-TUR-month-threshold-2020-09","rule":"month-threshold",\
                "status":"FIRING","severity":"high","exporter":"TUR","importer":"AZE","category":"defence-aerospace",\
                "reporter":"TUR","period":"2020-09","observedUsd":77100000,"baselineUsd":50000000,"ratio":1.542,\
                "message":"TUR→AZE 2020-09: $77.1M in one month, at or above the $50.0M threshold",\
                "detectedAt":"2026-11-27T23:10:00Z","version":1,"asOf":"2020-10-02T00:00:00Z",\
                "firstFiredAsOf":"2020-10-02T00:00:00Z","method":"month 2020-09 reported against a fixed threshold",\
                "evidence":[{"period":"2020-09","basis":"month","valueUsd":77100000,"known":"reported",\
                "reporter":"TUR","source":"TIM","publishedAt":"2020-10-02T00:00:00Z"}]}""");
  }

  @Test
  void shouldWakeADormantPartnerWithItsLookBackThroughTheStoreAndBackAsJson() {
    String armenia =
        """
            {"exporter":"TUR","importer":"ARM","period":"%s","basis":"month","valueUsd":%d,\
            "category":"defence-aerospace","source":"TIM","publishedAt":"%s"}""";
    YearMonth first = YearMonth.of(2018, 9);
    for (int i = 0; i < 14; i++) {
      YearMonth period = first.plusMonths(i);
      fixture.send(armenia.formatted(period, 40_000 + 1_000 * i, published(period)));
    }
    YearMonth september = YearMonth.of(2020, 9);
    fixture.send(armenia.formatted(september, 4_000_000, published(september)));
    // a revision two years before the month: it was not quiet after all
    fixture.send(armenia.formatted(first, 250_000, "2020-11-02T00:00:00Z"));

    List<Alert> alerts =
        fixture.readAlerts().stream().filter(alert -> !alert.series().isSource()).toList();

    String id = "TUR-ARM-defence-aerospace-TUR-dormant-partner-2020-09";
    assertThat(alerts).extracting(Alert::alertId).containsExactly(id, id);
    Alert woken = alerts.get(0);
    assertThat(woken.status()).isEqualTo(AlertStatus.FIRING);
    assertThat(woken.evidence()).hasSize(15); // September, then 2018-09..2019-10
    assertThat(woken.message())
        .isEqualTo("TUR→ARM 2020-09: $4.0M after 24 months of at most $100.0K (14 known)");
    assertThat(AlertJson.toJson(woken))
        .contains(
            "\"rule\":\"dormant-partner\"",
            "\"severity\":\"medium\"",
            "\"observedUsd\":4000000,\"baselineUsd\":100000,\"ratio\":40",
            "\"method\":\"24 months 2018-09..2020-08, 14 known, all ≤ $100.0K\"");
    Alert resolved = alerts.get(1);
    assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(resolved.message())
        .isEqualTo(
            "TUR→ARM 2020-09: dormant-partner no longer fires: $4.0M, but 1 of the 14 known"
                + " months before it was above $100.0K");
  }

  private static String published(YearMonth period) {
    return period.plusMonths(1).atDay(2) + "T00:00:00Z";
  }

  @Test
  void shouldUpdateOneAlertWhenARevisionRaisesTheMonth() {
    fixture.send(SEPTEMBER.formatted("76700000", "2020-10-02T00:00:00Z"));
    fixture.send(SEPTEMBER.formatted("77100000", "2020-10-09T00:00:00Z"));

    List<Alert> alerts = fixture.readAlerts();

    assertThat(alerts).extracting(Alert::alertId).containsOnly(AZE + "month-threshold-2020-09");
    assertThat(alerts)
        .extracting(Alert::status)
        .containsExactly(AlertStatus.FIRING, AlertStatus.UPDATED);
    assertThat(alerts.get(1).version()).isEqualTo(2);
    assertThat(alerts.get(1).observedCents()).isEqualTo(Usd.toCents(77_100_000L));
    assertThat(fixture.counter(PipelineMetrics.FIGURES, "outcome", "revision")).isEqualTo(1);
  }

  @Test
  void shouldResolveAlertWhenRevisionDropsBelowThreshold() {
    fixture.send(SEPTEMBER.formatted("77100000", "2020-10-02T00:00:00Z"));
    fixture.send(SEPTEMBER.formatted("45000000", "2020-11-02T00:00:00Z"));

    List<Alert> alerts = fixture.readAlerts();

    assertThat(alerts)
        .extracting(Alert::status)
        .containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
    assertThat(alerts.get(1).version()).isEqualTo(2);
  }

  @Test
  void shouldKeepSpacesAroundACategoryOutOfTheSeries() {
    String figure =
        """
            {"exporter":"TUR","importer":"OMN","period":"2020-09","valueUsd":63000000,\
            "category":"%s","publishedAt":"2020-10-02T00:00:00Z"}""";
    fixture.send(figure.formatted("total "));
    fixture.send(figure.formatted(" total"));

    assertThat(fixture.readAlerts())
        .extracting(Alert::alertId)
        .containsExactly("TUR-OMN-total-TUR-month-threshold-2020-09");
    assertThat(fixture.counter(PipelineMetrics.FIGURES, "outcome", "duplicate")).isEqualTo(1);
    assertThat(fixture.deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldAcceptAValueWithMoreThanTenDecimalsAsItsRoundedCents() {
    fixture.send(SEPTEMBER.formatted("77099999.99999999994", "2020-10-02T00:00:00Z"));

    assertThat(fixture.readAlerts())
        .singleElement()
        .satisfies(alert -> assertThat(alert.observedCents()).isEqualTo(7_710_000_000L));
  }

  @Test
  void shouldEmitNothingWhenAFigureIsReprocessedOrAStaleRevisionArrives() {
    fixture.send(SEPTEMBER.formatted("77100000", "2020-10-02T00:00:00Z"));
    fixture.send(SEPTEMBER.formatted("77100000", "2020-10-02T00:00:00Z"));
    fixture.send(SEPTEMBER.formatted("10000000", "2020-09-30T00:00:00Z"));

    assertThat(fixture.readAlerts()).hasSize(1);
    assertThat(fixture.counter(PipelineMetrics.FIGURES, "outcome", "duplicate")).isEqualTo(1);
    assertThat(fixture.counter(PipelineMetrics.FIGURES, "outcome", "stale")).isEqualTo(1);
  }

  @Test
  void shouldDeriveJanuaryToJuneAndRaiseTheSeptemberSpikeOnlyOnceTheYtdArrives() {
    List<String> lines = TopologyFixture.seedCaseLines();
    lines.subList(0, lines.size() - 1).forEach(fixture::send);
    assertThat(TopologyFixture.latest(fixture.readAlerts()))
        .doesNotContainKey(AZE + "ytd-ratio-2020-09");

    fixture.send(lines.get(lines.size() - 1));

    assertThat(TopologyFixture.latest(fixture.readAlerts()))
        .containsKeys(AZE + "ytd-ratio-2020-09", AZE + "month-spike-2020-09");
  }

  @Test
  void shouldStartYearToDateAfreshInJanuary() {
    fixture.send(
        "{\"exporter\":\"DEU\",\"importer\":\"FRA\",\"period\":\"2019-12\",\"basis\":\"ytd\",\"valueUsd\":500000000}");
    fixture.send(
        "{\"exporter\":\"DEU\",\"importer\":\"FRA\",\"period\":\"2020-01\",\"basis\":\"ytd\",\"valueUsd\":60000000}");

    // January's ytd is January's month ($60M ≥ $50M), not the $440M drop from December's ytd
    assertThat(fixture.readAlerts())
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.alertId()).isEqualTo("DEU-FRA-total-DEU-month-threshold-2020-01");
              assertThat(alert.observedCents()).isEqualTo(Usd.toCents(60_000_000L));
            });
  }

  @Test
  void shouldApplyPerPairOverrides() {
    useRules(
        Map.of("tradewatch.rules.month-threshold.overrides.TUR-USA.threshold-usd", "100000000"));

    fixture.sendSeedCase();

    assertThat(TopologyFixture.latest(fixture.readAlerts()))
        .doesNotContainKey("TUR-USA-defence-aerospace-TUR-month-threshold-2020-09")
        .containsKey("TUR-OMN-defence-aerospace-TUR-month-threshold-2020-09");
  }

  @Test
  void shouldEvaluateAScopedRuleOnlyForTheCategoriesInItsScope() {
    useRules(Map.of("tradewatch.rules.month-threshold.categories", "93"));

    fixture.sendSeedCase();
    fixture.send(
        """
            {"exporter":"TUR","importer":"AZE","period":"2020-09","valueUsd":77100000,\
            "category":"93","publishedAt":"2020-10-02T00:00:00Z"}""");

    assertThat(TopologyFixture.latest(fixture.readAlerts()))
        .containsKeys("TUR-AZE-93-TUR-month-threshold-2020-09", AZE + "ytd-ratio-2020-09")
        .doesNotContainKeys(
            AZE + "month-threshold-2020-09",
            "TUR-OMN-defence-aerospace-TUR-month-threshold-2020-09",
            "TUR-USA-defence-aerospace-TUR-month-threshold-2020-09");
  }

  @Test
  void shouldApplyAnOverrideBySelectorToItsCategoryOnly() {
    useRules(
        Map.of(
            "tradewatch.rules.month-threshold.overrides.TUR-*-defence-aerospace.threshold-usd",
            "70000000"));

    fixture.sendSeedCase();
    fixture.send(
        """
            {"exporter":"TUR","importer":"OMN","period":"2020-09","valueUsd":63000000,\
            "category":"93","publishedAt":"2020-10-02T00:00:00Z"}""");

    assertThat(TopologyFixture.latest(fixture.readAlerts()))
        .containsKeys(AZE + "month-threshold-2020-09", "TUR-OMN-93-TUR-month-threshold-2020-09")
        .doesNotContainKey("TUR-OMN-defence-aerospace-TUR-month-threshold-2020-09");
  }

  /** Restarts the fixture with the rules configured by {@code keys}, as a config file would. */
  private void useRules(Map<String, String> keys) {
    useSettings(
        new TopologySettings(
            Topics.defaults(),
            new RulesTopicLayer(SettingsLoader.load(null, Map.of(), keys)),
            TopologySettings.defaults().maxRecordBytes(),
            TopologySettings.defaults().deadLetterMaxBytes()));
  }

  private void useSettings(TopologySettings settings) {
    fixture.close();
    fixture = new TopologyFixture(settings);
  }

  @Test
  void shouldUseTheRecordTimestampToOrderRevisionsWithoutPublishedAt() {
    String noPublishedAt =
        """
                {"exporter":"TUR","importer":"AZE","period":"2020-09","valueUsd":%s}""";
    fixture.input.pipeInput(
        null,
        noPublishedAt.formatted("77100000").getBytes(),
        Instant.parse("2020-10-02T00:00:00Z"));
    fixture.input.pipeInput(
        null,
        noPublishedAt.formatted("10000000").getBytes(),
        Instant.parse("2020-10-01T00:00:00Z"));

    assertThat(fixture.readAlerts()).extracting(Alert::status).containsExactly(AlertStatus.FIRING);
    assertThat(fixture.counter(PipelineMetrics.FIGURES, "outcome", "stale")).isEqualTo(1);
  }
}
