package dev.tradewatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportedMetersTest {

  private static final String LAG = "kafka.consumer.fetch.manager.records.lag";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void shouldDropTheUnderscoreTwinsOfKafkaTopicMetricsAndKeepTheRealNames() {
    ExportedMeters.configure(
        registry, List.of("trade.figures", "trade.alerts", "trade.figures.dlq"), "tw.prod");

    for (String topic :
        List.of(
            "trade.figures",
            "trade_figures",
            "tw.prod-figures-by-flow-repartition",
            "tw_prod-figures-by-flow-repartition",
            "other_topic")) {
      Gauge.builder(LAG, () -> 1).tag("topic", topic).register(registry);
    }

    assertThat(registry.find(LAG).gauges())
        .map(gauge -> gauge.getId().getTag("topic"))
        .containsExactlyInAnyOrder(
            "trade.figures", "tw.prod-figures-by-flow-repartition", "other_topic");
  }

  @Test
  void shouldKeepTopicsWithUnderscoresThatHaveNoTwin() {
    ExportedMeters.configure(registry, List.of("trade_figures", "trade.alerts"), "tradewatch");

    Gauge.builder(LAG, () -> 1).tag("topic", "trade_figures").register(registry);
    Gauge.builder(LAG, () -> 1)
        .tag("topic", "tradewatch-figures-by-flow-repartition")
        .register(registry);

    assertThat(registry.find(LAG).gauges()).hasSize(2);
  }

  @Test
  void shouldExportProcessCpuInSecondsOnly() {
    ExportedMeters.configure(registry, List.of(), "tradewatch");
    new ProcessorMetrics().bindTo(registry);

    String scrape = registry.scrape();

    assertThat(scrape).contains("process_cpu_seconds_total ", "process_cpu_usage ");
    assertThat(scrape).doesNotContain("process_cpu_time");
  }
}
