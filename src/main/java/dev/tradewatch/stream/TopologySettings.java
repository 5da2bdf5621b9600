package dev.tradewatch.stream;

import dev.tradewatch.domain.rules.DetectionConfig;

/**
 * What the topology needs to know: its topics, the rules, the largest input record it accepts, and
 * the largest dead-letter value it may write (larger originals are cut, with a header giving their
 * size).
 */
public record TopologySettings(
    Topics topics, DetectionConfig detection, int maxRecordBytes, int deadLetterMaxBytes) {

  public static final int DEFAULT_MAX_RECORD_BYTES = 64 * 1024;

  /** Room left in a dead letter for its key, headers and batch framing. */
  public static final int DEAD_LETTER_HEADROOM = 16 * 1024;

  /** The broker's default {@code max.message.bytes}, less the headroom. */
  public static final int DEFAULT_DEAD_LETTER_MAX_BYTES = 1_048_588 - DEAD_LETTER_HEADROOM;

  public TopologySettings(Topics topics, DetectionConfig detection, int maxRecordBytes) {
    this(topics, detection, maxRecordBytes, DEFAULT_DEAD_LETTER_MAX_BYTES);
  }

  public static TopologySettings defaults() {
    return new TopologySettings(
        Topics.defaults(), DetectionConfig.defaults(), DEFAULT_MAX_RECORD_BYTES);
  }
}
