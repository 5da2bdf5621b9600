package dev.tradewatch.stream;

import dev.tradewatch.config.RulesTopicLayer;
import dev.tradewatch.config.Settings;
import dev.tradewatch.config.SettingsLoader;
import dev.tradewatch.config.Topics;

/**
 * What the topology needs to know: its topics, the configured rules (which the rules topic may
 * change at runtime), the largest input record it accepts, the largest dead-letter value it may
 * write (larger originals are cut, with a header giving their size), and how many partitions the
 * input and the flows' repartition topic both have ({@code flowPartitions}; 0 when that is not
 * known, and then every figure goes through the repartition topic).
 */
public record TopologySettings(
    Topics topics,
    RulesTopicLayer rules,
    int maxRecordBytes,
    int deadLetterMaxBytes,
    int flowPartitions) {

  /**
   * Settings with the flows' partitions unknown: every figure goes through the repartition topic.
   */
  public TopologySettings(
      Topics topics, RulesTopicLayer rules, int maxRecordBytes, int deadLetterMaxBytes) {
    this(topics, rules, maxRecordBytes, deadLetterMaxBytes, 0);
  }

  /**
   * The topology's part of {@code settings}, for a dead-letter topic with {@code limits} and input
   * and repartition topics of {@code flowPartitions} partitions (0: unknown).
   */
  public static TopologySettings of(
      Settings settings, DeadLetterLimits limits, int flowPartitions) {
    return new TopologySettings(
        settings.topics(),
        new RulesTopicLayer(settings),
        settings.maxRecordBytes(),
        limits.valueMaxBytes(),
        flowPartitions);
  }

  /** The built-in defaults, with a dead-letter topic at the broker's default size limit. */
  public static TopologySettings defaults() {
    return of(
        SettingsLoader.defaults(),
        DeadLetterLimits.forTopic(DeadLetterLimits.BROKER_DEFAULT_MAX_MESSAGE_BYTES),
        0);
  }
}
