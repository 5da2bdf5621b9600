package dev.tradewatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ops files are checked by the real tools: promtool for Prometheus, amtool for Alertmanager,
 * Debian's docker-compose for the stack.
 */
class OpsFilesTest {

  private static final Path DOCKER = Path.of("docker");

  @Test
  void prometheusConfigurationShouldPassPromtool() throws Exception {
    Path promtool = ExternalTools.require("promtool", "prometheus");

    ExternalTools.Result result =
        ExternalTools.run(
            DOCKER, List.of(promtool.toString(), "check", "config", "prometheus.yml"));

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void alertingRulesShouldPassPromtool() throws Exception {
    Path promtool = ExternalTools.require("promtool", "prometheus");

    ExternalTools.Result result =
        ExternalTools.run(
            DOCKER, List.of(promtool.toString(), "check", "rules", "alert-rules.yml"));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
  }

  @Test
  void alertingRulesShouldPassTheirUnitTests() throws Exception {
    Path promtool = ExternalTools.require("promtool", "prometheus");

    ExternalTools.Result result =
        ExternalTools.run(
            DOCKER, List.of(promtool.toString(), "test", "rules", "alert-rules.test.yml"));

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void composeFileShouldBeAcceptedByDockerCompose() throws Exception {
    Path compose =
        ExternalTools.require("docker-compose", "--no-install-recommends docker-compose");

    ExternalTools.Result result =
        ExternalTools.run(
            DOCKER, List.of(compose.toString(), "-f", "docker-compose.yml", "config", "-q"));

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void alertmanagerConfigurationShouldPassAmtool() throws Exception {
    Path amtool = ExternalTools.require("amtool", "prometheus-alertmanager");

    ExternalTools.Result result =
        ExternalTools.run(DOCKER, List.of(amtool.toString(), "check-config", "alertmanager.yml"));

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void alertmanagerShouldPageOnCriticalTradeAlertsOnly() throws Exception {
    assertThat(receiverOf("alertname=TradeAnomaly", "severity=critical")).isEqualTo("pager");
    assertThat(receiverOf("alertname=TradeAnomaly", "severity=high")).isEqualTo("team-inbox");
    assertThat(receiverOf("alertname=TradeAnomaly", "severity=medium")).isEqualTo("team-inbox");
    assertThat(receiverOf("alertname=TradewatchDown", "severity=critical")).isEqualTo("pager");
    assertThat(receiverOf("alertname=DeadLettersRising", "severity=warning"))
        .isEqualTo("team-inbox");
  }

  /** The receiver Alertmanager's routing tree picks for an alert with {@code labels}. */
  private static String receiverOf(String... labels) throws Exception {
    Path amtool = ExternalTools.require("amtool", "prometheus-alertmanager");
    List<String> command =
        new ArrayList<>(
            List.of(
                amtool.toString(), "config", "routes", "test", "--config.file=alertmanager.yml"));
    command.addAll(List.of(labels));
    ExternalTools.Result result = ExternalTools.run(DOCKER, command);
    assertThat(result.exitCode()).as(result.output()).isZero();
    List<String> lines = result.output().strip().lines().toList();
    return lines.get(lines.size() - 1); // the receiver; warnings come before it
  }
}
