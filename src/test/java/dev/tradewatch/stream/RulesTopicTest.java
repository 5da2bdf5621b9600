package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.metrics.PipelineMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rules changed at runtime through the rules topic, on the real topology (TopologyTestDriver). */
class RulesTopicTest {

  private static final String AZE = "TUR-AZE-defence-aerospace-TUR-";
  private static final String THRESHOLD = "tradewatch.rules.month-threshold.threshold-usd";

  private final TopologyFixture fixture = new TopologyFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void shouldFireAnAlertWhenAChangeLowersTheThreshold() {
    fixture.sendSeedCase();
    fixture.awaitRulesApplied();
    fixture.readAlerts();

    fixture.setRule(THRESHOLD, "30000000");
    fixture.awaitRulesApplied();

    Map<String, Alert> changed = TopologyFixture.latest(fixture.readAlerts());
    assertThat(changed.keySet())
        .containsExactlyInAnyOrder(
            AZE + "month-threshold-2020-08",
            AZE + "month-threshold-2020-09",
            "TUR-OMN-defence-aerospace-TUR-month-threshold-2020-09",
            "TUR-USA-defence-aerospace-TUR-month-threshold-2020-09");
    Alert august = changed.get(AZE + "month-threshold-2020-08");
    assertThat(august.status()).isEqualTo(AlertStatus.FIRING);
    assertThat(august.baselineCents()).isEqualTo(30_000_000_00L);
    assertThat(changed.get(AZE + "month-threshold-2020-09").status())
        .isEqualTo(AlertStatus.UPDATED); // its threshold, so its ratio, changed
    assertThat(ruleUpdates("applied")).isEqualTo(1);
  }

  @Test
  void shouldResolveAlertsWhenAChangeRaisesTheThresholdAndFireThemAgainOnATombstone() {
    fixture.sendSeedCase();
    fixture.awaitRulesApplied();
    fixture.readAlerts();

    fixture.setRule(THRESHOLD, "100000000");
    fixture.awaitRulesApplied();
    Map<String, Alert> raised = TopologyFixture.latest(fixture.readAlerts());
    assertThat(raised).containsOnlyKeys(thresholdAlerts());
    assertThat(raised.values()).allMatch(alert -> alert.status() == AlertStatus.RESOLVED);

    fixture.setRule(THRESHOLD, null);
    fixture.awaitRulesApplied();
    Map<String, Alert> restored = TopologyFixture.latest(fixture.readAlerts());
    assertThat(restored).containsOnlyKeys(thresholdAlerts());
    assertThat(restored.values()).allMatch(alert -> alert.status() == AlertStatus.FIRING);
    assertThat(restored.get(AZE + "month-threshold-2020-09").baselineCents())
        .isEqualTo(50_000_000_00L);
    assertThat(ruleUpdates("removed")).isEqualTo(1);
  }

  @Test
  void shouldIgnoreABadValueCountItOnceAndKeepTheLastGoodValue() {
    fixture.sendSeedCase();
    fixture.setRule(THRESHOLD, "100000000");
    fixture.awaitRulesApplied();
    fixture.readAlerts();

    fixture.setRule(THRESHOLD, "a lot");
    fixture.awaitRulesApplied();
    fixture.awaitRulesApplied(); // looked at again: still counted once

    assertThat(fixture.readAlerts()).isEmpty();
    assertThat(ruleUpdates("rejected")).isEqualTo(1);
    // the last good value, 100M, still applies to figures that arrive now
    fixture.send(
        """
            {"exporter":"TUR","importer":"GEO","period":"2020-09","valueUsd":63000000,\
            "category":"defence-aerospace","publishedAt":"2020-10-02T00:00:00Z"}""");
    assertThat(fixture.readAlerts()).isEmpty();
  }

  @Test
  void shouldRejectAnUnknownKeyAndARecordWithoutAKey() {
    fixture.sendSeedCase();
    fixture.readAlerts();

    fixture.setRule("tradewatch.rules.month-threshold.treshold-usd", "1");
    fixture.setRule("tradewatch.http.port", "1");
    fixture.setRule(null, "1");
    fixture.awaitRulesApplied();

    assertThat(fixture.readAlerts()).isEmpty();
    assertThat(ruleUpdates("rejected")).isEqualTo(3);
  }

  @Test
  void shouldApplyAScopeAndAWildcardOverrideSetAtRuntime() {
    fixture.sendSeedCase();
    fixture.readAlerts();

    fixture.setRule("tradewatch.rules.month-threshold.importers", "AZE");
    fixture.setRule("tradewatch.rules.month-spike.overrides.TUR-*-defence-aerospace.factor", "200");
    fixture.awaitRulesApplied();

    Map<String, Alert> changed = TopologyFixture.latest(fixture.readAlerts());
    assertThat(changed)
        .containsOnlyKeys(
            "TUR-OMN-defence-aerospace-TUR-month-threshold-2020-09",
            "TUR-USA-defence-aerospace-TUR-month-threshold-2020-09",
            AZE + "month-spike-2020-08",
            AZE + "month-spike-2020-09");
    assertThat(changed.values()).allMatch(alert -> alert.status() == AlertStatus.RESOLVED);
  }

  /** The worked example of docs/contract.md, "Rules changed at runtime". */
  @Test
  void shouldResolveAllButTheAzerbaijanThresholdAlertsAsTheContractsExampleSays() {
    fixture.sendSeedCase();
    fixture.awaitRulesApplied();
    fixture.readAlerts();

    fixture.setRule(THRESHOLD, "100000000");
    fixture.setRule("tradewatch.rules.month-threshold.overrides.*-AZE.threshold-usd", "50000000");
    fixture.awaitRulesApplied();

    Map<String, Alert> changed = TopologyFixture.latest(fixture.readAlerts());
    assertThat(changed)
        .containsOnlyKeys(
            "TUR-OMN-defence-aerospace-TUR-month-threshold-2020-09",
            "TUR-USA-defence-aerospace-TUR-month-threshold-2020-09");
    assertThat(changed.values()).allMatch(alert -> alert.status() == AlertStatus.RESOLVED);

    fixture.setRule(THRESHOLD, null);
    fixture.awaitRulesApplied();
    Map<String, Alert> back = TopologyFixture.latest(fixture.readAlerts());
    assertThat(back).containsOnlyKeys(changed.keySet().toArray(String[]::new));
    assertThat(back.values()).allMatch(alert -> alert.status() == AlertStatus.FIRING);
  }

  @Test
  void shouldEvaluateFiguresThatArriveAfterAChangeUnderTheNewRules() {
    fixture.setRule(THRESHOLD, "100000000");
    fixture.awaitRulesApplied();

    fixture.sendSeedCase();

    assertThat(TopologyFixture.latest(fixture.readAlerts()))
        .doesNotContainKeys(thresholdAlerts())
        .containsKey(AZE + "month-spike-2020-09");
  }

  @Test
  void shouldReevaluateInBoundedBatchesWhileFiguresKeepFlowing() {
    int series = FlowProcessor.BATCH * 2 + 17;
    for (int i = 0; i < series; i++) {
      fixture.send(month(i, 60_000_000));
    }
    assertThat(fixture.readAlerts()).hasSize(series);

    fixture.setRule(THRESHOLD, "100000000");
    fixture.driver.advanceWallClockTime(FlowProcessor.RULES_CHECK_INTERVAL);

    // one batch done; a figure in between is evaluated under the new rules at once
    assertThat(fixture.readAlerts()).hasSize(FlowProcessor.BATCH);
    assertThat(remaining()).isPositive(); // of an estimate of the series
    fixture.send(month(series, 60_000_000));
    assertThat(fixture.readAlerts()).isEmpty();

    int punctuations = fixture.awaitRulesApplied();

    assertThat(punctuations).isEqualTo(2);
    List<Alert> rest = fixture.readAlerts();
    assertThat(rest).hasSize(series - FlowProcessor.BATCH);
    assertThat(rest).allMatch(alert -> alert.status() == AlertStatus.RESOLVED);
    assertThat(remaining()).isZero();
    assertThat(fixture.registry.get(PipelineMetrics.REEVALUATED).counter().count())
        .isEqualTo(series + 1);
  }

  @Test
  void shouldStartThePassOverWhenTheRulesChangeAgainMidWay() {
    int series = FlowProcessor.BATCH + 5;
    for (int i = 0; i < series; i++) {
      fixture.send(month(i, 60_000_000));
    }
    fixture.readAlerts();
    fixture.setRule(THRESHOLD, "100000000");
    fixture.driver.advanceWallClockTime(FlowProcessor.RULES_CHECK_INTERVAL);
    assertThat(fixture.readAlerts()).hasSize(FlowProcessor.BATCH);

    fixture.setRule(THRESHOLD, null); // back to 50M before the pass got to the last 5
    fixture.awaitRulesApplied();

    Map<String, Alert> latest = TopologyFixture.latest(fixture.readAlerts());
    assertThat(latest).hasSize(FlowProcessor.BATCH); // the first 500 fire again; 5 never changed
    assertThat(latest.values()).allMatch(alert -> alert.status() == AlertStatus.FIRING);
  }

  private static String month(int i, long valueUsd) {
    return """
        {"exporter":"TUR","importer":"AZE","period":"2020-09","valueUsd":%d,\
        "category":"c%05d","publishedAt":"2020-10-02T00:00:00Z"}"""
        .formatted(valueUsd, i);
  }

  private static String[] thresholdAlerts() {
    return new String[] {
      AZE + "month-threshold-2020-09",
      "TUR-OMN-defence-aerospace-TUR-month-threshold-2020-09",
      "TUR-USA-defence-aerospace-TUR-month-threshold-2020-09"
    };
  }

  private double ruleUpdates(String outcome) {
    return fixture.counter(PipelineMetrics.RULE_UPDATES, "outcome", outcome);
  }

  private double remaining() {
    return fixture.registry.get("tradewatch.rules.reevaluation.remaining").gauge().value();
  }
}
