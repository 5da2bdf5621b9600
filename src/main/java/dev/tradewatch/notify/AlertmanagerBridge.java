package dev.tradewatch.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradewatch.config.Settings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Alertmanager told of the alert topic's active alerts, on its own thread.
 *
 * <p>It reads the alert topic {@code read_committed} — an alert from an aborted transaction is
 * never posted — in its own consumer group ({@code <application id>-alertmanager}), so each
 * partition's alerts are posted by exactly one instance at a time. On being given a partition it
 * reads it from the beginning and posts its alerts once it has caught up (the others' go on): the
 * new owner re-posts what the old one may not have, and a repeat is harmless (Alertmanager
 * deduplicates by label set). A failed post is retried with backoff (1 s doubling to 30 s) and
 * counted; the stream never waits for it.
 */
public final class AlertmanagerBridge implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerBridge.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_POST = 500;
  private static final Duration POLL = Duration.ofMillis(250);
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final String topic;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final AlertmanagerClient client;
  private final Outbox outbox;
  private final Clock clock;
  private final String generatorBase;
  private final Map<TopicPartition, Long> catchUpEnds = new HashMap<>();
  private final Map<AlertmanagerClient.Outcome, Counter> posts =
      new EnumMap<>(AlertmanagerClient.Outcome.class);
  private final Counter unreadable;
  private final Thread thread;
  private volatile int pending;
  private volatile boolean stopping;
  private Duration backoff = Duration.ZERO;
  private Instant nextAttempt = Instant.MIN;
  private boolean failing;
  private boolean readFailing;

  private AlertmanagerBridge(
      Settings settings,
      Properties clientProperties,
      MeterRegistry registry,
      Clock clock,
      String generatorBase) {
    this.client = new AlertmanagerClient(settings.alertmanager());
    this.outbox = new Outbox(settings.alertmanager().resendInterval());
    this.clock = clock;
    this.generatorBase = generatorBase;
    for (AlertmanagerClient.Outcome outcome : AlertmanagerClient.Outcome.values()) {
      posts.put(
          outcome,
          Counter.builder("tradewatch.alertmanager.posts")
              .description(
                  "Posts of alerts to Alertmanager by outcome: sent, refused (4xx, dropped) or"
                      + " failed (retried)")
              .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
    unreadable =
        Counter.builder("tradewatch.alertmanager.unreadable.records")
            .description("Alert-topic records the Alertmanager bridge could not read as JSON")
            .register(registry);
    Gauge.builder("tradewatch.alertmanager.alerts.pending", () -> pending)
        .description("Alert changes not yet accepted by Alertmanager")
        .register(registry);
    this.topic = settings.topics().alerts();
    this.consumer = consumer(settings, clientProperties);
    this.thread = new Thread(this::follow, "tradewatch-alertmanager");
    thread.setDaemon(true);
  }

  /**
   * Starts the bridge when {@code tradewatch.alertmanager.url} is set. {@code clientProperties}
   * reach the cluster (security settings included); {@code generatorBase} is the base URL of this
   * instance's API that alerts link back to.
   */
  public static AlertmanagerBridge start(
      Settings settings,
      Properties clientProperties,
      MeterRegistry registry,
      Clock clock,
      String generatorBase) {
    AlertmanagerBridge bridge =
        new AlertmanagerBridge(settings, clientProperties, registry, clock, generatorBase);
    bridge.thread.start();
    LOG.info(
        "Posting alerts from {} to Alertmanager at {}",
        settings.topics().alerts(),
        settings.alertmanager().urls());
    return bridge;
  }

  /**
   * Checks the Alertmanager settings that only show when used (the truststore loads), so that a
   * mistake stops start-up before the monitor runs.
   */
  public static void check(Settings settings) {
    if (settings.alertmanager().enabled()) {
      new AlertmanagerClient(settings.alertmanager());
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(
      Settings settings, Properties clientProperties) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.application().id() + "-alertmanager");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private void follow() {
    try {
      consumer.subscribe(List.of(topic), new Ownership());
      while (!stopping) {
        try {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
            take(record);
          }
          postDue();
          pending = outbox.pending();
          if (readFailing) {
            LOG.info("Reading the alert topic for Alertmanager again");
            readFailing = false;
          }
        } catch (WakeupException e) {
          throw e;
        } catch (KafkaException e) {
          // the cluster (or an ACL) may be fixed: keep following, without spinning or flooding
          if (!readFailing) {
            LOG.warn("Reading the alert topic for Alertmanager failed; retrying: {}", e.toString());
          }
          readFailing = true;
          LockSupport.parkNanos(FIRST_BACKOFF.toNanos());
        }
      }
    } catch (WakeupException e) {
      // close() asked us to stop
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      // an interrupt from close() would make the consumer skip leaving its group
      boolean interrupted = Thread.interrupted();
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void take(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      return; // a tombstone: nothing to tell
    }
    JsonNode alert;
    try {
      alert = JSON.readTree(record.value());
    } catch (IOException e) {
      unreadable.increment();
      return;
    }
    outbox.record(record.partition(), alert, clock.instant());
  }

  /**
   * The newly owned partitions not yet read up to where they ended when assigned: their alerts
   * wait, so that history is not posted change by change; the other partitions' go on.
   */
  private Set<Integer> catchingUp() {
    catchUpEnds.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
    Set<Integer> partitions = new HashSet<>();
    catchUpEnds.keySet().forEach(partition -> partitions.add(partition.partition()));
    return partitions;
  }

  private void postDue() throws InterruptedException {
    Instant now = clock.instant();
    if (now.isBefore(nextAttempt)) {
      return;
    }
    Map<String, ObjectNode> due = outbox.due(now, MAX_POST, generatorBase, catchingUp());
    if (due.isEmpty()) {
      return;
    }
    AlertmanagerClient.Result result = client.post(due.values());
    posts.get(result.outcome()).increment();
    switch (result.outcome()) {
      case SENT -> {
        outbox.sent(due.keySet(), now);
        if (failing) {
          LOG.info("Alertmanager reachable again; alerts sent");
        }
        failing = false;
        backoff = Duration.ZERO;
      }
      case REFUSED -> {
        // trying again cannot help: drop them, say so
        LOG.warn("Alertmanager refused {} alert(s): {}", due.size(), result.problem());
        outbox.sent(due.keySet(), now);
      }
      case FAILED -> {
        if (!failing) {
          LOG.warn("Cannot post alerts to Alertmanager; retrying: {}", result.problem());
        }
        failing = true;
        backoff = backoff.isZero() ? FIRST_BACKOFF : min(backoff.multipliedBy(2), MAX_BACKOFF);
        nextAttempt = now.plus(backoff);
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Partitions given to this instance are read from the start; partitions taken are forgotten. */
  private final class Ownership implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      consumer.seekToBeginning(partitions);
      catchUpEnds.putAll(consumer.endOffsets(partitions));
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      partitions.forEach(catchUpEnds::remove);
      outbox.forget(partitions.stream().map(TopicPartition::partition).toList());
    }
  }

  @Override
  public void close() {
    stopping = true;
    consumer.wakeup();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(2));
      if (thread.isAlive()) { // in a post to a slow Alertmanager
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(10));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
