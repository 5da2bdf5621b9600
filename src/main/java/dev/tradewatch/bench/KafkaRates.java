package dev.tradewatch.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Kafka's own rates on the bench feed, with plain clients: producing it and reading it back. */
final class KafkaRates {

  static final int PARTITIONS = 4;

  private KafkaRates() {}

  static void createTopic(Properties client, String topic) throws Exception {
    try (Admin admin = Admin.create(client)) {
      admin
          .createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Produces the feed (acks=all), paced at {@code ratePerSec} when positive; records per second.
   */
  static double produce(
      Properties client, String topic, List<BenchFeed.Entry> feed, double ratePerSec) {
    Properties props = new Properties();
    props.putAll(client);
    props.putAll(
        Map.of(
            ProducerConfig.LINGER_MS_CONFIG,
            "20",
            ProducerConfig.BATCH_SIZE_CONFIG,
            "262144",
            ProducerConfig.ACKS_CONFIG,
            "all"));
    long start = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < feed.size(); i++) {
        if (ratePerSec > 0) {
          long due = start + (long) (i * 1e9 / ratePerSec);
          while (System.nanoTime() < due) {
            LockSupport.parkNanos(due - System.nanoTime());
          }
        }
        producer.send(new ProducerRecord<>(topic, feed.get(i).key(), feed.get(i).value()));
      }
      producer.flush();
    }
    return feed.size() / Bench.seconds(start);
  }

  /** Reads {@code expected} records from the start of every partition; records per second. */
  static double rawConsume(Properties client, String topic, int expected) {
    Properties props = new Properties();
    props.putAll(client);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (int p = 0; p < PARTITIONS; p++) {
        partitions.add(new TopicPartition(topic, p));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long start = System.nanoTime();
      long read = 0;
      while (read < expected) {
        read += consumer.poll(Duration.ofMillis(200)).count();
      }
      return read / Bench.seconds(start);
    }
  }
}
