package dev.tradewatch.isolated;

import dev.tradewatch.replay.LineOffsets;
import dev.tradewatch.stream.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads every committed dead letter of a run once its input is processed, and traces each back to
 * the line of the file it came from, by the source partition and offset in its headers.
 */
final class DeadLetterReader {

  private DeadLetterReader() {}

  /**
   * The run's dead letters, by line.
   *
   * @param inputTopic the topic the file was produced into: only its offsets map to lines
   * @throws IllegalStateException when they cannot all be read within {@code timeout}
   */
  static List<RejectedLine> read(
      Properties client,
      String deadLetterTopic,
      String inputTopic,
      LineOffsets lines,
      Duration timeout) {
    List<RejectedLine> rejected = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> letter : readAll(client, deadLetterTopic, timeout)) {
      rejected.add(traced(letter.headers(), letter.value(), inputTopic, lines));
    }
    rejected.sort(
        Comparator.comparing((RejectedLine r) -> !r.hasLine())
            .thenComparingLong(RejectedLine::line)
            .thenComparing(RejectedLine::reason));
    return rejected;
  }

  private static RejectedLine traced(
      Headers headers, byte[] value, String inputTopic, LineOffsets lines) {
    long line = 0;
    String partition = DeadLetterHeaders.text(headers, DeadLetterHeaders.SOURCE_PARTITION);
    String offset = DeadLetterHeaders.text(headers, DeadLetterHeaders.SOURCE_OFFSET);
    if (inputTopic.equals(DeadLetterHeaders.text(headers, DeadLetterHeaders.SOURCE_TOPIC))
        && partition != null
        && offset != null) {
      line =
          lines
              .lineAt(Integer.parseInt(partition), Long.parseLong(offset))
              .orElse(0); // not produced by this run's producer
    }
    return new RejectedLine(
        line,
        orEmpty(DeadLetterHeaders.text(headers, DeadLetterHeaders.REASON)),
        orEmpty(DeadLetterHeaders.text(headers, DeadLetterHeaders.FIELD)),
        orEmpty(DeadLetterHeaders.text(headers, DeadLetterHeaders.DETAIL)),
        value == null ? "" : new String(value, StandardCharsets.UTF_8));
  }

  /** Every committed record of {@code topic}, from the beginning to its end as of now. */
  private static List<ConsumerRecord<byte[], byte[]>> readAll(
      Properties client, String topic, Duration timeout) {
    Properties props = new Properties();
    props.putAll(client);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "tradewatch-dead-letters-" + UUID.randomUUID());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      Instant deadline = Instant.now().plus(timeout);
      while (!reached(consumer, ends)) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              "could not read the dead letters of "
                  + topic
                  + " within "
                  + timeout.toSeconds()
                  + " s");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  private static boolean reached(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
