package dev.tradewatch.stream;

import dev.tradewatch.config.RulesTopicLayer;
import dev.tradewatch.config.Settings;
import dev.tradewatch.config.SettingsLoader;
import dev.tradewatch.config.Topics;

/**
 * What the topology needs to know: its topics, the configured rules (which the rules topic may
 * change at runtime), the largest input record it accepts, and the largest dead-letter value it may
 * write (larger originals are cut, with a header giving their size).
 */
public record TopologySettings(
    Topics topics, RulesTopicLayer rules, int maxRecordBytes, int deadLetterMaxBytes) {

  /** The topology's part of {@code settings}, for a dead-letter topic with {@code limits}. */
  public static TopologySettings of(Settings settings, DeadLetterLimits limits) {
    return new TopologySettings(
        settings.topics(),
        new RulesTopicLayer(settings),
        settings.maxRecordBytes(),
        limits.valueMaxBytes());
  }

  /** The built-in defaults, with a dead-letter topic at the broker's default size limit. */
  public static TopologySettings defaults() {
    return of(
        SettingsLoader.defaults(),
        DeadLetterLimits.forTopic(DeadLetterLimits.BROKER_DEFAULT_MAX_MESSAGE_BYTES));
  }
}
