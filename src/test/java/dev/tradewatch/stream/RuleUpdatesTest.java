package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.config.RulesTopicLayer;
import dev.tradewatch.config.SettingsLoader;
import dev.tradewatch.metrics.PipelineMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rules-topic record is judged once, also when Kafka Streams replays it on a restart. */
class RuleUpdatesTest {

  private static final String THRESHOLD = "tradewatch.rules.month-threshold.threshold-usd";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RuleUpdates updates =
      new RuleUpdates(
          new RulesTopicLayer(SettingsLoader.defaults()), new PipelineMetrics(registry));

  @Test
  void shouldJudgeARecordReplayedOnRestoreOnlyOnceAndKeepTheLastGoodValue() {
    String configured = updates.current().fingerprint();
    updates.record(THRESHOLD, "100000000"); // restored: replayed through the mirror
    updates.record(THRESHOLD, "a lot");
    String afterGood = updates.current().fingerprint();

    updates.startWith(Map.of(THRESHOLD, "a lot")); // then init hands over the store

    assertThat(afterGood).isNotEqualTo(configured);
    assertThat(updates.current().fingerprint()).isEqualTo(afterGood); // 100M still in force
    assertThat(count("rejected")).isEqualTo(1);
    assertThat(count("applied")).isEqualTo(1);
  }

  private double count(String outcome) {
    return registry.get(PipelineMetrics.RULE_UPDATES).tag("outcome", outcome).counter().count();
  }
}
