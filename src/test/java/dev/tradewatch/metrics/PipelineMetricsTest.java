package dev.tradewatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineMetricsTest {

  private static final List<String> POSSIBLE =
      List.of(
          "month-spike/medium",
          "month-spike/critical",
          "month-threshold/high",
          "month-threshold/critical",
          "ytd-ratio/high",
          "ytd-ratio/critical",
          "mirror-gap/high",
          "mirror-gap/critical",
          "dormant-partner/medium",
          "dormant-partner/high",
          "source-silent/medium");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void shouldRegisterAlertCountersOnlyForSeveritiesARuleCanGive() {
    new PipelineMetrics(registry);

    List<Meter> counters = registry.find(PipelineMetrics.ALERTS).meters().stream().toList();

    assertThat(counters).hasSize(POSSIBLE.size() * 3); // firing, updated, resolved
    assertThat(counters.stream().map(PipelineMetricsTest::ruleAndSeverity).distinct())
        .containsExactlyInAnyOrderElementsOf(POSSIBLE);
  }

  @Test
  void shouldRegisterActiveAlertGaugesOnlyForSeveritiesARuleCanGive() {
    new StateMetrics(registry);

    assertThat(registry.find(StateMetrics.ACTIVE_ALERTS).gauges())
        .map(PipelineMetricsTest::ruleAndSeverity)
        .containsExactlyInAnyOrderElementsOf(POSSIBLE);
  }

  @Test
  void shouldRegisterTheProcessingErrorDeadLetterReasonUpFront() {
    PipelineMetrics metrics = new PipelineMetrics(registry);

    assertThat(counter()).isZero();
    metrics.processingError();
    assertThat(counter()).isEqualTo(1);
  }

  private double counter() {
    return registry
        .get(PipelineMetrics.REJECTED)
        .tag("reason", "processing-error")
        .counter()
        .count();
  }

  private static String ruleAndSeverity(Meter meter) {
    return meter.getId().getTag("rule") + "/" + meter.getId().getTag("severity");
  }
}
