package dev.tradewatch.isolated;

import dev.tradewatch.config.ConfigKeys;
import dev.tradewatch.config.Settings;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.rules.SourceSilent;
import dev.tradewatch.metrics.PipelineMetrics;
import dev.tradewatch.replay.FigureProducer;
import dev.tradewatch.replay.FileReplay;
import dev.tradewatch.replay.FileScan;
import dev.tradewatch.replay.LineOffsets;
import dev.tradewatch.replay.RecordStamps;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * A backtest: the same topology, in isolation (its own application id, topics and state), fed one
 * file; it ends when the offsets say every figure is processed, and returns the latest state of
 * every alert and every refused line. On the embedded broker by default; on a user's cluster its
 * topics are deleted afterwards.
 *
 * <p>Two backtests of one file give the same alerts: records are keyed by flow (each flow's figures
 * in file order) and stamped from the file's latest {@code publishedAt} on ({@link RecordStamps}),
 * not from the clock. The run's topics never delete by time (input and dead letters are created
 * with {@code retention.ms=-1}, alerts and changelogs are compacted, Kafka Streams creates its
 * repartition topics with {@code retention.ms=-1}), so old stamps are kept.
 */
public final class Backtest {

  private static final Duration PROCESSING_TIMEOUT = Duration.ofHours(1);
  private static final Duration READ_BACK_TIMEOUT = Duration.ofMinutes(5);

  /**
   * What a backtest read, produced and found. {@code alerts} holds the latest state of every alert,
   * by id; {@code rejected} every dead letter, by line.
   */
  public record Result(
      FileReplay.Result replay,
      Map<String, Long> figuresByOutcome,
      Map<String, Alert> alerts,
      List<RejectedLine> rejected,
      Duration elapsed) {}

  private Backtest() {}

  /** A backtest of the whole file. */
  public static Result run(
      Settings settings,
      FileReplay.Input input,
      boolean useEmbeddedBroker,
      FileReplay.ProgressListener progress)
      throws Exception {
    return run(settings, input, useEmbeddedBroker, progress, () -> false);
  }

  /**
   * Checks the file (all of it, in strict mode) before anything starts, then runs it.
   *
   * @param useEmbeddedBroker run on a fresh embedded broker instead of {@code
   *     settings.cluster().bootstrapServers()}
   * @param stopRequested when it holds, producing stops and what was produced is processed
   */
  public static Result run(
      Settings settings,
      FileReplay.Input input,
      boolean useEmbeddedBroker,
      FileReplay.ProgressListener progress,
      BooleanSupplier stopRequested)
      throws Exception {
    long started = System.nanoTime();
    Clock clock = Clock.systemUTC();
    Instant dataTime = firstStamp(FileScan.of(input), clock);
    RecordStamps stamps = RecordStamps.startingAt(dataTime, clock);
    // a file without publication dates is stamped from the epoch on: its sources are judged there
    settings = judgingSourcesAt(settings, Optional.of(dataTime));
    IsolatedRun.Options options =
        useEmbeddedBroker
            ? IsolatedRun.Options.embedded()
            : IsolatedRun.Options.onConfiguredCluster();
    try (IsolatedRun run = IsolatedRun.start(settings, options, null)) {
      String topic = run.settings().topics().input();
      LineOffsets lines = new LineOffsets();
      FileReplay.Result replay;
      try (FigureProducer producer = new FigureProducer(run.clientProperties(), topic, 0, stamps)) {
        replay = FileReplay.run(input, producer, progress, stopRequested, lines);
      }
      run.awaitProcessed(PROCESSING_TIMEOUT);
      List<RejectedLine> rejected =
          DeadLetterReader.read(
              run.clientProperties(),
              run.settings().topics().deadLetter(),
              topic,
              lines,
              READ_BACK_TIMEOUT);
      return new Result(
          replay,
          outcomes(run.registry()),
          run.alerts(),
          rejected,
          Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /**
   * {@code settings} judging sources at the data's latest publication, so that a replay of history
   * gives the same silent sources on any day — unless {@code tradewatch.rules.source-silent.as-of}
   * (or {@code backtest --as-of}) says otherwise.
   */
  public static Settings judgingSourcesAt(Settings settings, Optional<Instant> dataTime) {
    String key = ConfigKeys.ruleKey(SourceSilent.RULE, SourceSilent.AS_OF);
    if (dataTime.isEmpty() || !settings.values().getOrDefault(key, "").isBlank()) {
      return settings;
    }
    return settings.with(Map.of(key, dataTime.get().toString()));
  }

  /**
   * The file's latest valid {@code publishedAt} (the epoch if none), so that a line without one
   * counts as published no earlier than every figure before it in the file. Never later than now:
   * brokers refuse stamps an hour ahead.
   */
  static Instant firstStamp(FileScan scan, Clock clock) {
    Instant latest = scan.latestPublishedAt().orElse(Instant.EPOCH);
    Instant now = clock.instant();
    return latest.isAfter(now) ? now : latest;
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
