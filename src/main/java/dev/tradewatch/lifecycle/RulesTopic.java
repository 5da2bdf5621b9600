package dev.tradewatch.lifecycle;

import dev.tradewatch.config.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads and writes the rules topic directly, for the {@code rules} command: record key = a rule
 * key, value = its value as UTF-8 text, a null value (tombstone) removes the key. Every wait is
 * bounded by the start-up timeout.
 */
public final class RulesTopic {

  private static final Duration POLL = Duration.ofMillis(200);

  private RulesTopic() {}

  /**
   * The latest value of every key on the rules topic, sorted by key, as a monitor would see it: the
   * topic read from the beginning up to its end when reading began, committed records only.
   *
   * @throws StartupException if the cluster does not answer or the topic does not exist
   */
  public static SortedMap<String, String> read(Settings settings) {
    String topic = settings.topics().rules();
    ClusterPreparation.requireTopic(settings, topic);
    Duration timeout = settings.cluster().startupTimeout();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            consumerProperties(settings), new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      SortedMap<String, String> latest = new TreeMap<>();
      Instant deadline = Instant.now().plus(timeout);
      while (!reached(consumer, end)) {
        ConsumerRecords<String, String> records = consumer.poll(POLL);
        if (!records.isEmpty()) {
          deadline = Instant.now().plus(timeout); // a long topic may take longer: no progress fails
        } else if (Instant.now().isAfter(deadline)) {
          throw new TimeoutException("no records for " + timeout.toSeconds() + " s");
        }
        for (ConsumerRecord<String, String> record : records) {
          if (record.key() == null) {
            continue; // a compacted topic cannot hold one, and the monitor ignores it
          }
          if (record.value() == null) {
            latest.remove(record.key());
          } else {
            latest.put(record.key(), record.value());
          }
        }
      }
      return latest;
    } catch (org.apache.kafka.common.config.ConfigException e) {
      throw ClusterPreparation.badKafkaSetting(e);
    } catch (KafkaException e) {
      throw new StartupException(
          "cannot read topic "
              + topic
              + " on "
              + settings.cluster().bootstrapServers()
              + within(e, timeout)
              + ClusterPreparation.reason(e),
          e);
    }
  }

  /**
   * Writes {@code records} (rule key → value, null for a tombstone) in their order, creating the
   * topic as the monitor would if it is missing and allowed, and returns once every record is
   * acknowledged by all in-sync replicas.
   *
   * @throws StartupException if the cluster does not answer, the topic cannot be created or a
   *     record cannot be written
   */
  public static void write(Settings settings, Map<String, String> records) {
    String topic = settings.topics().rules();
    ClusterPreparation.ensureRulesTopic(settings);
    Duration timeout = settings.cluster().startupTimeout();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            producerProperties(settings), new StringSerializer(), new StringSerializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      records.forEach(
          (key, value) -> sent.add(producer.send(new ProducerRecord<>(topic, key, value))));
      producer.flush();
      for (Future<RecordMetadata> delivery : sent) {
        delivery.get(); // bounded by delivery.timeout.ms
      }
    } catch (org.apache.kafka.common.config.ConfigException e) {
      throw ClusterPreparation.badKafkaSetting(e);
    } catch (KafkaException | ExecutionException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new StartupException(
          "cannot write to topic "
              + topic
              + " on "
              + settings.cluster().bootstrapServers()
              + within(cause, timeout)
              + ClusterPreparation.reason(e),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException("interrupted while writing to topic " + topic, e);
    }
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
      if (consumer.position(partition.getKey()) < partition.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static String within(Throwable e, Duration timeout) {
    return e instanceof TimeoutException ? " within " + timeout.toSeconds() + " s" : "";
  }

  private static Properties consumerProperties(Settings settings) {
    Properties props = ClusterPreparation.clientProperties(settings);
    int timeout = timeoutMs(settings);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // reading must never create the topic with the broker's defaults (not compacted)
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
    props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeout, 30_000));
    return props;
  }

  private static Properties producerProperties(Settings settings) {
    Properties props = ClusterPreparation.clientProperties(settings);
    int timeout = timeoutMs(settings);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    // each send is waited for: no lingering, and delivery.timeout.ms ≥ linger.ms +
    // request.timeout.ms
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeout, 30_000));
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
    return props;
  }

  private static int timeoutMs(Settings settings) {
    return (int) settings.cluster().startupTimeout().toMillis();
  }
}
