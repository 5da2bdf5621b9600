package dev.tradewatch.lifecycle;

import dev.tradewatch.config.Settings;
import dev.tradewatch.metrics.PipelineMetrics;
import dev.tradewatch.metrics.ReevaluationProgress;
import dev.tradewatch.metrics.SourceJudgements;
import dev.tradewatch.stream.DeadLetterProcessingHandler;
import dev.tradewatch.stream.StreamsDefaults;
import dev.tradewatch.stream.TopologySettings;
import dev.tradewatch.stream.TradewatchTopology;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running {@link KafkaStreams} client: the monitor (tradewatch's topology, after the cluster and
 * topics have been checked) or, for {@code bench}, any other topology. A fatal error shuts the
 * client down (rather than retrying forever) so that the process exits 1 and its supervisor can
 * restart it; exactly-once makes that restart safe.
 */
public final class StreamsRuntime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsRuntime.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final LocalStateGuard guard; // null for topologies other than the monitor's
  private final PipelineMetrics metrics; // null for topologies other than the monitor's

  private StreamsRuntime(KafkaStreams streams, LocalStateGuard guard, PipelineMetrics metrics) {
    this.streams = streams;
    this.guard = guard;
    this.metrics = metrics;
  }

  /**
   * Checks the cluster, creates missing topics, deletes local state that belongs to another cluster
   * or to recreated internal topics ({@link LocalStateGuard}) and starts processing; returns once
   * the client is started.
   */
  public static StreamsRuntime startMonitor(
      Settings settings, MeterRegistry registry, Clock clock) {
    return startMonitor(settings, registry, clock, null);
  }

  /**
   * As {@link #startMonitor(Settings, MeterRegistry, Clock)}, advertising {@code applicationServer}
   * ({@code host:port} of this instance's HTTP API) to the other instances for interactive queries.
   */
  public static StreamsRuntime startMonitor(
      Settings settings, MeterRegistry registry, Clock clock, String applicationServer) {
    requireWritable(settings.application().stateDir());
    ClusterPreparation.Prepared cluster = ClusterPreparation.prepare(settings);
    Properties props = streamsProperties(settings);
    props.put(
        StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
        cluster.deadLetters().producerMaxRequestBytes());
    if (applicationServer != null) {
      props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
    }
    TopologySettings topology =
        TopologySettings.of(settings, cluster.deadLetters(), cluster.flowPartitions());
    PipelineMetrics metrics = new PipelineMetrics(registry);
    props.put(DeadLetterProcessingHandler.METRICS_CONFIG, metrics);
    KafkaStreams streams = create(TradewatchTopology.build(topology, metrics, clock), props);
    LocalStateGuard guard = new LocalStateGuard(settings);
    try {
      guard.checkBeforeStart(streams, cluster.identity());
    } catch (RuntimeException e) {
      guard.close();
      streams.close(CLOSE_TIMEOUT);
      throw e;
    }
    return launch(streams, guard, metrics);
  }

  /** Starts {@code topology} with {@code props}; returns once the client is started. */
  public static StreamsRuntime start(Topology topology, Properties props) {
    return launch(create(topology, props), null, null);
  }

  private static KafkaStreams create(Topology topology, Properties props) {
    try {
      return new KafkaStreams(topology, props);
    } catch (org.apache.kafka.common.config.ConfigException e) {
      throw ClusterPreparation.badKafkaSetting(e);
    }
  }

  /** Starts {@code streams}; {@code guard}, if any, records the state's owner on each RUNNING. */
  private static StreamsRuntime launch(
      KafkaStreams streams, LocalStateGuard guard, PipelineMetrics metrics) {
    StreamsRuntime runtime = new StreamsRuntime(streams, guard, metrics);
    streams.setUncaughtExceptionHandler(
        exception -> {
          runtime.failure.compareAndSet(null, exception);
          LOG.error("Stream thread failed; shutting the client down", exception);
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.setStateListener(
        (now, before) -> {
          LOG.info("Streams state {} -> {}", before, now);
          if (now == KafkaStreams.State.RUNNING && guard != null) {
            guard.recordSoon();
          }
          if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
            runtime.stopped.countDown();
          }
        });
    streams.start();
    return runtime;
  }

  private static void requireWritable(Path stateDir) {
    try {
      Files.createDirectories(stateDir);
    } catch (IOException | SecurityException e) {
      throw new StartupException(
          "cannot create the state directory " + stateDir + " (tradewatch.state-dir): " + e);
    }
    if (!Files.isWritable(stateDir)) {
      throw new StartupException(
          "the state directory " + stateDir + " is not writable (tradewatch.state-dir)");
    }
  }

  /** The Kafka Streams properties of {@code settings}: tradewatch's defaults, then kafka.* keys. */
  public static Properties streamsProperties(Settings settings) {
    Properties props = StreamsDefaults.forTopics(settings.topics());
    // kafka.* may tune any client setting, but not the identity below
    props.putAll(settings.cluster().clientOverrides());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.application().id());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.cluster().bootstrapServers());
    props.put(StreamsConfig.STATE_DIR_CONFIG, settings.application().stateDir().toString());
    props.put(
        StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.application().guarantee().kafkaName());
    props.put(
        StreamsConfig.REPLICATION_FACTOR_CONFIG,
        (int) settings.topicCreation().replicationFactor());
    return props;
  }

  public KafkaStreams streams() {
    return streams;
  }

  /**
   * The monitor's rules fingerprint and re-evaluation progress (a monitor started by {@link
   * #startMonitor} only).
   */
  public ReevaluationProgress reevaluation() {
    if (metrics == null) {
      throw new IllegalStateException("not a monitor: no rules");
    }
    return metrics.reevaluation();
  }

  /** When the monitor's tasks last judged all their sources (a monitor only). */
  public SourceJudgements sourceJudgements() {
    if (metrics == null) {
      throw new IllegalStateException("not a monitor: no sources");
    }
    return metrics.sourceJudgements();
  }

  public boolean isRunning() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  /**
   * Blocks until the client stops; the failure that stopped it, or null after a requested close.
   */
  public Throwable awaitStop() throws InterruptedException {
    stopped.await();
    return failure.get();
  }

  /** What stopped the client, or null while it runs or after a requested close. */
  public Throwable failure() {
    return failure.get();
  }

  /**
   * Runs {@code action} on a daemon thread once the client has stopped by itself or been closed.
   */
  public void onStop(Runnable action) {
    Thread watcher =
        new Thread(
            () -> {
              try {
                stopped.await();
                action.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "tradewatch-stop-watcher");
    watcher.setDaemon(true);
    watcher.start();
  }

  @Override
  public void close() {
    streams.close(CLOSE_TIMEOUT);
    if (guard != null) {
      guard.close();
    }
    stopped.countDown();
  }
}
