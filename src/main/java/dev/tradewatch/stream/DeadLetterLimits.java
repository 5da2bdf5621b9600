package dev.tradewatch.stream;

/**
 * How large a dead letter may be, in one place. Dead letters carry whole input records, so their
 * topic is created with room for 4 MiB; on an existing topic its own {@code max.message.bytes}
 * rules. The producer may send up to that limit, and the topology cuts a record's value to the
 * limit less some headroom for key, headers and batch framing: under exactly-once a write the
 * broker refuses cannot be skipped, it poisons the transaction.
 *
 * @param producerMaxRequestBytes the producer's {@code max.request.size} for dead-letter writes
 * @param valueMaxBytes the largest dead-letter value the topology writes; larger ones are cut
 */
public record DeadLetterLimits(int producerMaxRequestBytes, int valueMaxBytes) {

  /** {@code max.message.bytes} of a dead-letter topic that tradewatch creates. */
  public static final int CREATED_TOPIC_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

  /** The broker's default {@code max.message.bytes}, for topics created by someone else. */
  public static final int BROKER_DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;

  /** Room left in a dead letter for its key, headers and batch framing. */
  static final int HEADROOM_BYTES = 16 * 1024;

  /** The limits for a dead-letter topic whose {@code max.message.bytes} is {@code topicLimit}. */
  public static DeadLetterLimits forTopic(int topicMaxMessageBytes) {
    int request = Math.min(CREATED_TOPIC_MAX_MESSAGE_BYTES, topicMaxMessageBytes);
    return new DeadLetterLimits(request, request - HEADROOM_BYTES);
  }
}
