package dev.tradewatch.testing;

import dev.tradewatch.config.Settings;
import dev.tradewatch.config.SettingsLoader;
import dev.tradewatch.domain.alerts.Alert;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Small helpers for integration tests against a real broker: produce lines, read committed, poll
 * with a deadline.
 */
public final class KafkaTestSupport {

  public static final Duration DEADLINE = Duration.ofSeconds(90);

  /**
   * How long a test producer keeps trying to deliver a record. Kafka's default of 2 minutes is too
   * short for a loaded 2-core CI machine running brokers, monitors and child JVMs at once; a batch
   * that expires is a record missing from the test's input, and a confusing failure later.
   */
  public static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(5);

  /**
   * The "now" test runs judge sources at, live and backtest alike (the contract compares them at
   * one "now"): before any test data, so that no source is silent unless a test says so.
   */
  public static final String SOURCES_AS_OF = "2000-01-01T00:00:00Z";

  public static final String SOURCES_AS_OF_KEY = "tradewatch.rules.source-silent.as-of";

  private static final long POLL_INTERVAL_NANOS = Duration.ofMillis(50).toNanos();

  private KafkaTestSupport() {}

  /** Produces {@code values} as UTF-8 and waits until every one is acknowledged (or fails). */
  public static void produce(String bootstrap, String topic, List<String> values) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            (int) DELIVERY_TIMEOUT.toMillis());
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      values.forEach(
          value ->
              sent.add(
                  producer.send(
                      new ProducerRecord<>(topic, value.getBytes(StandardCharsets.UTF_8)))));
      producer.flush();
      for (Future<RecordMetadata> delivery : sent) {
        delivery.get(); // a record that is not on the topic fails the test here, not later
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot produce to " + topic + ": " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while producing to " + topic, e);
    }
  }

  /**
   * {@code client} plus a delivery timeout that fits a loaded machine, for {@code FigureProducer}.
   */
  public static Properties patientProducer(Properties client) {
    Properties props = new Properties();
    props.putAll(client);
    props.put(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        Integer.toString((int) DELIVERY_TIMEOUT.toMillis()));
    return props;
  }

  /**
   * {@code settings} whose producers (a backtest feeding its input, for one) have a delivery
   * timeout that fits a loaded machine.
   */
  public static Settings patientProducers(Settings settings) {
    return settings.with(
        Map.of(
            "kafka." + ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            Long.toString(DELIVERY_TIMEOUT.toMillis())));
  }

  /**
   * Reads {@code topic} from the beginning with {@code isolation.level=read_committed} until {@code
   * done} holds for everything read so far, or the deadline passes; returns what was read.
   */
  public static List<ConsumerRecord<byte[], byte[]>> readCommittedUntil(
      String bootstrap, String topic, Predicate<List<ConsumerRecord<byte[], byte[]>>> done) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG,
            "test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      Instant deadline = Instant.now().plus(DEADLINE);
      while (!done.test(records) && Instant.now().isBefore(deadline)) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /**
   * The latest state of every alert among {@code records}, by alert id; every record is checked
   * against the alert schema on the way.
   */
  public static Map<String, Alert> latestAlerts(List<ConsumerRecord<byte[], byte[]>> records) {
    Map<String, Alert> latest = new TreeMap<>();
    records.forEach(
        r -> {
          Alert alert = Schemas.alert(r.value());
          latest.put(alert.alertId(), alert);
        });
    return latest;
  }

  /**
   * What order independence compares: for active alerts, their numbers and severity; resolved ones
   * count as absent.
   */
  public static Map<String, String> currentState(Map<String, Alert> alerts) {
    Map<String, String> state = new TreeMap<>();
    alerts.values().stream()
        .filter(a -> a.status().isActive())
        .forEach(
            a ->
                state.put(
                    a.alertId(),
                    a.severity()
                        + " "
                        + a.observedCents()
                        + "/"
                        + a.baselineCents()
                        + " "
                        + a.ratio()));
    return state;
  }

  /**
   * Active alerts by id → asOf, method and evidence: the part of their current state that says what
   * the numbers were worked out from (docs/contract.md, "Output alert").
   */
  public static Map<String, String> evidenceState(Map<String, Alert> alerts) {
    Map<String, String> state = new TreeMap<>();
    alerts.values().stream()
        .filter(a -> a.status().isActive())
        .forEach(a -> state.put(a.alertId(), a.asOf() + " " + a.method() + " " + a.evidence()));
    return state;
  }

  /**
   * Settings for an isolated run on {@code bootstrap}: unique application id and topics, state
   * under {@code stateDir}.
   */
  public static Settings isolatedSettings(
      String bootstrap, Path stateDir, Map<String, String> extra) {
    String id = "it-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> flags = new HashMap<>(extra);
    flags.put("tradewatch.bootstrap-servers", bootstrap);
    flags.put("tradewatch.application-id", id);
    flags.put("tradewatch.state-dir", stateDir.toString());
    flags.put("tradewatch.topics.input", id + ".figures");
    flags.put("tradewatch.topics.alerts", id + ".alerts");
    flags.put("tradewatch.topics.dead-letter", id + ".dlq");
    flags.put("tradewatch.topics.rules", id + ".rules");
    flags.put(SOURCES_AS_OF_KEY, SOURCES_AS_OF);
    flags.put("tradewatch.topics.replication-factor", "1");
    return SettingsLoader.load(null, Map.of(), flags);
  }

  /**
   * Input records a consumer group has committed as processed on {@code topic} (sum over
   * partitions; 0 if unknown yet).
   */
  public static long committedOffsets(
      org.apache.kafka.clients.admin.Admin admin, String group, String topic) {
    try {
      return admin
          .listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata()
          .get()
          .entrySet()
          .stream()
          .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    } catch (ExecutionException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /**
   * Polls {@code condition} until it holds or {@link #DEADLINE} passes; returns whether it held.
   */
  public static boolean eventually(BooleanSupplier condition) {
    return eventually(DEADLINE, condition);
  }

  /** Polls {@code condition} until it holds or {@code within} passes; returns whether it held. */
  public static boolean eventually(Duration within, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return true;
      }
      LockSupport.parkNanos(POLL_INTERVAL_NANOS); // the poll interval; the deadline bounds the wait
    }
    return condition.getAsBoolean();
  }
}
