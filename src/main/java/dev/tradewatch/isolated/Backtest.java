package dev.tradewatch.isolated;

import dev.tradewatch.config.Settings;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.metrics.PipelineMetrics;
import dev.tradewatch.replay.FileFormat;
import dev.tradewatch.replay.FileReplay;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

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
    IsolatedRun.Options options =
        useEmbeddedBroker
            ? IsolatedRun.Options.embedded()
            : IsolatedRun.Options.onConfiguredCluster();
    try (IsolatedRun run = IsolatedRun.start(settings, options, null)) {
      FileReplay.Result replay =
          FileReplay.run(
              input.file(),
              input.format(),
              input.strict(),
              input.malformedLines(),
              run.clientProperties(),
              run.settings().topics().input(),
              0,
              progress);
      run.awaitProcessed(PROCESSING_TIMEOUT);
      return new Result(
          replay,
          outcomes(run.registry()),
          run.alerts(),
          Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private static Map<String, Long> outcomes(MeterRegistry registry) {
    return registry.find(PipelineMetrics.FIGURES).counters().stream()
        .collect(
            Collectors.toMap(
                c -> c.getId().getTag("outcome"),
                c -> Math.round(c.count()),
                Long::sum,
                TreeMap::new));
  }
}
