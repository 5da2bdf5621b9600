package dev.tradewatch.isolated;

import dev.tradewatch.broker.EmbeddedKafkaBroker;
import dev.tradewatch.config.ConfigKeys;
import dev.tradewatch.config.Settings;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.http.ServedMonitor;
import dev.tradewatch.lifecycle.ClusterPreparation;
import dev.tradewatch.lifecycle.StreamsRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor in a run of its own, as {@code demo}, {@code backtest} and {@code bench} use it: on
 * an embedded broker (or the configured cluster, under its own application id and topic prefix),
 * with local state in a fresh directory that is deleted on close, and a tail reading every
 * committed alert back. Callers feed the input topic and then {@link #awaitProcessed wait by
 * offsets}.
 */
public final class IsolatedRun implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IsolatedRun.class);

  /**
   * How to run.
   *
   * @param embeddedBroker start a broker in this JVM ({@code brokerPort}, 0 = any free port); else
   *     use the settings' cluster and delete the run's topics afterwards
   * @param serveHttp serve /metrics, /health and /api as {@code run} does
   * @param applicationId a fixed application id that keeps the configured topic names (the demo);
   *     null for a random id with topics prefixed by it
   */
  public record Options(
      boolean embeddedBroker, int brokerPort, boolean serveHttp, String applicationId) {

    /** On a new embedded broker, isolated by a random application id, no HTTP. */
    public static Options embedded() {
      return new Options(true, 0, false, null);
    }

    /** On the settings' own cluster, isolated by a random application id, no HTTP. */
    public static Options onConfiguredCluster() {
      return new Options(false, 0, false, null);
    }
  }

  private final EmbeddedKafkaBroker broker;
  private final Path stateDir;
  private final Settings settings;
  private final MeterRegistry registry;
  private final ServedMonitor served;
  private final StreamsRuntime monitor;
  private final AlertTail tail;
  private final Map<String, Alert> latest = new TreeMap<>();

  private IsolatedRun(Settings base, Options options, AlertTail.Listener onAlert)
      throws IOException {
    String id = isolatedId(options);
    stateDir = freshStateDir(base, id);
    EmbeddedKafkaBroker started = null;
    ServedMonitor servedMonitor = null;
    try {
      started =
          options.embeddedBroker() ? EmbeddedKafkaBroker.start(options.brokerPort(), null) : null;
      Settings onCluster = started == null ? base : base.onSingleBroker(started.bootstrapServers());
      settings =
          options.applicationId() == null
              ? onCluster.isolated(id, stateDir)
              : onCluster.with(
                  Map.of(ConfigKeys.APPLICATION_ID, id, ConfigKeys.STATE_DIR, stateDir.toString()));
      if (options.serveHttp()) {
        servedMonitor = ServedMonitor.start(settings, Clock.systemUTC());
        registry = servedMonitor.endpoint().registry();
        monitor = servedMonitor.monitor();
      } else {
        registry = new SimpleMeterRegistry();
        monitor = StreamsRuntime.startMonitor(settings, registry, Clock.systemUTC());
      }
      // a replay judges its sources once its input has been read (awaitProcessed)
      monitor.sourceJudgements().waitForEndOfInput();
      tail = new AlertTail(clientProperties(), settings.topics().alerts(), collect(onAlert));
    } catch (RuntimeException e) {
      closeQuietly(servedMonitor);
      closeQuietly(started);
      Directories.deleteRecursively(stateDir);
      throw e;
    }
    broker = started;
    served = servedMonitor;
  }

  /** Starts the broker (if embedded), the monitor and the tail; {@code onAlert} may be null. */
  public static IsolatedRun start(Settings settings, Options options, AlertTail.Listener onAlert)
      throws IOException {
    return new IsolatedRun(settings, options, onAlert);
  }

  private static String isolatedId(Options options) {
    return options.applicationId() != null
        ? options.applicationId()
        : "tradewatch-isolated-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * A new directory under the configured state directory: not the OS temp directory, which Kafka
   * Streams warns about (the OS may clean it under a running application).
   */
  private static Path freshStateDir(Settings settings, String id) throws IOException {
    Path parent = settings.application().stateDir();
    Files.createDirectories(parent);
    return Files.createTempDirectory(parent, id + "-");
  }

  private AlertTail.Listener collect(AlertTail.Listener onAlert) {
    return (alert, appendedAt, readAt) -> {
      synchronized (latest) {
        latest.put(alert.alertId(), alert);
      }
      if (onAlert != null) {
        onAlert.onAlert(alert, appendedAt, readAt);
      }
    };
  }

  /** The settings of this run: its cluster, application id, topics and state directory. */
  public Settings settings() {
    return settings;
  }

  /** Client properties for producing into the run's input topic and reading its topics. */
  public Properties clientProperties() {
    return ClusterPreparation.clientProperties(settings);
  }

  /** The registry the monitor's meters are in (figure outcomes, alert counts, …). */
  public MeterRegistry registry() {
    return registry;
  }

  public StreamsRuntime monitor() {
    return monitor;
  }

  /** The HTTP endpoint's base URL, when serving HTTP. */
  public Optional<String> httpBaseUrl() {
    return Optional.ofNullable(served).map(ServedMonitor::baseUrl);
  }

  /** The latest state of every alert read back so far, by id. */
  public Map<String, Alert> alerts() {
    synchronized (latest) {
      return Map.copyOf(latest);
    }
  }

  /**
   * Waits until the monitor has processed everything in its input (by committed offsets) and the
   * tail has read every committed alert; fails fast if the monitor stops.
   */
  public void awaitProcessed(Duration timeout) {
    try (Admin admin = Admin.create(clientProperties())) {
      CatchUp.awaitMonitor(admin, settings, monitor, tail, timeout);
    }
  }

  @Override
  public void close() {
    closeQuietly(tail);
    closeQuietly(served != null ? served : monitor);
    if (broker == null) {
      deleteTopics();
    }
    closeQuietly(broker);
    try {
      Directories.deleteRecursively(stateDir);
    } catch (IOException e) {
      LOG.warn("Could not delete the run's state directory {}: {}", stateDir, e.toString());
    }
  }

  /** On someone else's cluster, the run's own topics go when it ends. */
  private void deleteTopics() {
    if (!settings.topics().input().startsWith(settings.application().id())) {
      return; // a fixed id keeps the configured topic names: those are not ours to delete
    }
    try (Admin admin = Admin.create(clientProperties())) {
      Set<String> ours =
          admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
              .filter(name -> name.startsWith(settings.application().id()))
              .collect(Collectors.toSet());
      admin.deleteTopics(ours).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("Could not delete the run's topics: {}", e.toString());
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.debug("Closing {} failed: {}", closeable, e.toString());
    }
  }
}
