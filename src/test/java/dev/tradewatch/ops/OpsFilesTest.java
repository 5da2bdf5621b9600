package dev.tradewatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ops files are checked by the real tools: promtool for Prometheus, Debian's docker-compose for
 * the stack.
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
}
