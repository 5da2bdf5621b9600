package dev.tradewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code bench --json} on a small feed: every measurement is there and plausible. No speed is
 * asserted.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES) // a hung broker or client fails the test, not CI
class BenchCommandIT {

  @Test
  void shouldReportEveryMeasurementAsJson() throws Exception {
    CommandITSupport.Outcome outcome =
        CommandITSupport.execute(
            "bench", "--records", "20000", "--series", "2000", "--instances", "2", "--json");

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    JsonNode result = new ObjectMapper().readTree(outcome.out());
    assertThat(result.get("records").asInt()).isGreaterThanOrEqualTo(20_000);
    assertThat(result.get("series").asInt()).isEqualTo(2_000);
    assertThat(result.get("guarantee").asText()).isEqualTo("exactly_once_v2");
    assertThat(result.get("instances").asInt()).isEqualTo(2);
    for (String rate :
        new String[] {
          "rawConsumerPerSec",
          "passThroughPerSec",
          "keyedStatePerSec",
          "pipelinePerSec",
          "stateBytesPerSeries"
        }) {
      assertThat(result.get(rate).asDouble()).as(rate).isPositive();
    }
    assertThat(result.get("logicMicrosPerFigure").get("seriesStep").asDouble()).isPositive();
    JsonNode cpu = result.get("clientCpuMicrosPerFigure");
    assertThat(cpu.get("keyedState").asDouble()).isPositive();
    // both instances' threads are counted: at least the logic's own work per figure
    assertThat(cpu.get("pipeline").asDouble())
        .isGreaterThan(result.get("logicMicrosPerFigure").get("parse").asDouble());
    assertThat(result.get("latencyP99Ms").asDouble())
        .isGreaterThanOrEqualTo(result.get("latencyP50Ms").asDouble());
  }

  @Test
  void shouldRefuseMoreSeriesThanRecords() {
    assertThat(CommandITSupport.execute("bench", "--records", "10", "--series", "20").exitCode())
        .isEqualTo(2);
  }

  @Test
  void shouldRefuseZeroInstances() {
    assertThat(CommandITSupport.execute("bench", "--instances", "0").exitCode()).isEqualTo(2);
  }
}
