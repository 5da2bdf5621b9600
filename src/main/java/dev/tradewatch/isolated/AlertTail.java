package dev.tradewatch.isolated;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.stream.AlertJson;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows the alert topic from the beginning as a downstream consumer would ({@code
 * read_committed}, its own throw-away group), on its own thread, handing every alert change to a
 * callback.
 */
public final class AlertTail implements AutoCloseable {

  /** What the tail hands over: an alert change, when its record was appended and when read. */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param appendedAtMs the record timestamp (that of the figure that caused the change)
     * @param readAtMs when the poll that returned it ended, before the alert was decoded
     */
    void onAlert(Alert alert, long appendedAtMs, long readAtMs);
  }

  // values are decoded after the poll, so that the time a record was read excludes decoding
  private final KafkaConsumer<String, byte[]> consumer;
  private final Deserializer<Alert> decoder = new AlertJson().deserializer();
  private final Thread thread;
  private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean stopping;

  public AlertTail(Properties clientProperties, String topic, Consumer<Alert> onAlert) {
    this(clientProperties, topic, (alert, appendedAt, readAt) -> onAlert.accept(alert));
  }

  /** As above, with the times of each record ({@link Listener}). */
  public AlertTail(Properties clientProperties, String topic, Listener onAlert) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "tradewatch-tail-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
    thread = new Thread(() -> follow(onAlert), "alert-tail");
    thread.setDaemon(true);
    thread.start();
  }

  private void follow(Listener onAlert) {
    try {
      while (!stopping) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
        long readAt = System.currentTimeMillis();
        for (ConsumerRecord<String, byte[]> record : records) {
          Alert alert = decoder.deserialize(record.topic(), record.value());
          onAlert.onAlert(alert, record.timestamp(), readAt);
        }
        consumer.assignment().forEach(tp -> positions.put(tp, consumer.position(tp)));
      }
    } catch (WakeupException e) {
      // close() asked us to stop
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
      finished.countDown();
    }
  }

  /**
   * Waits until every committed alert up to {@code ends} (end offsets read by the caller) was
   * handed over.
   */
  public boolean awaitPositions(Map<TopicPartition, Long> ends, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      boolean reached =
          ends.entrySet().stream()
              .allMatch(
                  end ->
                      end.getValue() == 0
                          || positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
      if (reached) {
        return true;
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    return false;
  }

  /**
   * The end offsets a read_committed consumer can reach now (the last stable offsets) of every
   * partition of {@code topic}.
   */
  public static Map<TopicPartition, Long> committedEnds(Admin admin, String topic)
      throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    admin
        .describeTopics(List.of(topic))
        .allTopicNames()
        .get(30, TimeUnit.SECONDS)
        .get(topic)
        .partitions()
        .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin
        .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
        .all()
        .get(30, TimeUnit.SECONDS)
        .forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }

  @Override
  public void close() {
    stopping = true;
    consumer.wakeup();
    try {
      finished.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
