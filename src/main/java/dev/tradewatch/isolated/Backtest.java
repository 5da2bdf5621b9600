package dev.tradewatch.isolated;

import dev.tradewatch.broker.EmbeddedKafkaBroker;
import dev.tradewatch.config.Settings;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.lifecycle.ClusterPreparation;
import dev.tradewatch.lifecycle.StreamsRuntime;
import dev.tradewatch.metrics.PipelineMetrics;
import dev.tradewatch.replay.FileFormat;
import dev.tradewatch.replay.FileReplay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;

/**
 * A backtest: the same topology, in isolation (its own application id, topics and state), fed one
 * file; it ends when the offsets say every figure is processed, and returns the latest state of
 * every alert. On the embedded broker by default; on a user's cluster its topics are deleted
 * afterwards.
 */
public final class Backtest {

  private static final Duration PROCESSING_TIMEOUT = Duration.ofHours(1);

  /**
   * What a backtest read, produced and found. {@code alerts} holds the latest state of every alert,
   * by id.
   */
  public record Result(
      FileReplay.Result replay,
      Map<String, Long> figuresByOutcome,
      Map<String, Alert> alerts,
      Duration elapsed) {}

  /** Where the file is, how to read it, and where to run. */
  public record Input(
      Path file, FileFormat format, boolean strict, Consumer<String> malformedLines) {}

  private Backtest() {}

  /**
   * @param useEmbeddedBroker run on a fresh embedded broker instead of {@code
   *     settings.cluster().bootstrapServers()}
   */
  public static Result run(
      Settings settings,
      Input input,
      boolean useEmbeddedBroker,
      FileReplay.ProgressListener progress)
      throws Exception {
    long started = System.nanoTime();
    Path stateDir = Files.createTempDirectory("tradewatch-backtest-state");
    String id = "tradewatch-backtest-" + UUID.randomUUID().toString().substring(0, 8);
    try (EmbeddedKafkaBroker broker =
        useEmbeddedBroker ? EmbeddedKafkaBroker.start(0, null) : null) {
      Settings isolated =
          (broker == null ? settings : settings.onSingleBroker(broker.bootstrapServers()))
              .isolated(id, stateDir);
      try {
        return execute(isolated, input, progress, started);
      } finally {
        if (broker == null) {
          deleteTopics(isolated);
        }
      }
    } finally {
      Directories.deleteRecursively(stateDir);
    }
  }

  private static Result execute(
      Settings settings, Input input, FileReplay.ProgressListener progress, long started)
      throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Properties client = ClusterPreparation.clientProperties(settings);
    Map<String, Alert> alerts = new TreeMap<>();
    try (StreamsRuntime monitor =
            StreamsRuntime.startMonitor(settings, registry, Clock.systemUTC());
        AlertTail tail =
            new AlertTail(
                client,
                settings.topics().alerts(),
                alert -> {
                  synchronized (alerts) {
                    alerts.put(alert.alertId(), alert);
                  }
                });
        Admin admin = Admin.create(client)) {
      FileReplay.Result replay =
          FileReplay.run(
              input.file(),
              input.format(),
              input.strict(),
              input.malformedLines(),
              client,
              settings.topics().input(),
              0,
              progress);
      CatchUp.awaitMonitor(admin, settings, monitor, tail, PROCESSING_TIMEOUT);
      synchronized (alerts) {
        return new Result(
            replay,
            outcomes(registry),
            Map.copyOf(alerts),
            Duration.ofNanos(System.nanoTime() - started));
      }
    }
  }

  private static Map<String, Long> outcomes(SimpleMeterRegistry registry) {
    return registry.find(PipelineMetrics.FIGURES).counters().stream()
        .collect(
            Collectors.toMap(
                c -> c.getId().getTag("outcome"),
                c -> Math.round(((Counter) c).count()),
                Long::sum,
                TreeMap::new));
  }

  private static void deleteTopics(Settings settings) {
    try (Admin admin = Admin.create(ClusterPreparation.clientProperties(settings))) {
      Set<String> ours =
          admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
              .filter(name -> name.startsWith(settings.application().id()))
              .collect(Collectors.toSet());
      admin.deleteTopics(ours).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      org.slf4j.LoggerFactory.getLogger(Backtest.class)
          .warn("Could not delete the backtest's topics: {}", e.toString());
    }
  }
}
