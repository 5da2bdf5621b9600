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
    fixture.close();
    fixture =
        new TopologyFixture(
            new TopologySettings(
                Topics.defaults(),
                new RulesTopicLayer(SettingsLoader.load(null, Map.of(), keys)),
                TopologySettings.defaults().maxRecordBytes(),
                TopologySettings.defaults().deadLetterMaxBytes()));
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
