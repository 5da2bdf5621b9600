package dev.tradewatch.stream;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Headers added to a dead letter, next to the original record's own headers: why it was refused,
 * which field, and where it came from. Part of the external contract; documented in
 * docs/contract.md ("Dead letters").
 */
public final class DeadLetterHeaders {

  public static final String REASON = "tradewatch.error.reason";
  public static final String FIELD = "tradewatch.error.field";
  public static final String DETAIL = "tradewatch.error.detail";
  public static final String SOURCE_TOPIC = "tradewatch.source.topic";
  public static final String SOURCE_PARTITION = "tradewatch.source.partition";
  public static final String SOURCE_OFFSET = "tradewatch.source.offset";

  /** Present when the value was cut to fit the dead-letter topic: the original size in bytes. */
  public static final String TRUNCATED_FROM = "tradewatch.error.truncated-from-bytes";

  private DeadLetterHeaders() {}

  /** A copy of {@code original} with the reason and source coordinates added. */
  public static Headers of(
      Headers original,
      String reason,
      String field,
      String detail,
      String topic,
      int partition,
      long offset) {
    RecordHeaders headers = new RecordHeaders(original.toArray());
    add(headers, REASON, reason);
    add(headers, FIELD, field);
    add(headers, DETAIL, detail);
    add(headers, SOURCE_TOPIC, topic);
    add(headers, SOURCE_PARTITION, Integer.toString(partition));
    add(headers, SOURCE_OFFSET, Long.toString(offset));
    return headers;
  }

  /** The text of the last header named {@code key}, or null. */
  public static String text(Headers headers, String key) {
    var header = headers.lastHeader(key);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void add(Headers headers, String key, String value) {
    headers.add(key, value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8));
  }
}
