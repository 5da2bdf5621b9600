package dev.tradewatch.bench;

import dev.tradewatch.config.Settings;
import dev.tradewatch.isolated.IsolatedRun;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fresh pipeline fed at half the measured rate for about 40 s; latency is from a figure's append
 * (its record timestamp, which the alert keeps) to the moment its alert is readable with
 * read_committed. Alerts of the first 10 s are warm-up and not counted: a fresh application's first
 * seconds (new topics and store, the producers' first transactions) measured up to 5 s of backlog,
 * which is start-up, not steady-state latency.
 */
final class HalfLoadLatency {

  private static final int WARM_UP_SECONDS = 10;
  private static final int MEASURED_SECONDS = 30;

  private HalfLoadLatency() {}

  static BenchResult.Latency measure(
      Settings onBenchBroker, double pipelineRate, int records, int series) throws Exception {
    double rate = pipelineRate * 0.5;
    int count =
        (int) Math.min(records, Math.max(10_000, rate * (WARM_UP_SECONDS + MEASURED_SECONDS)));
    List<BenchFeed.Entry> feed =
        BenchFeed.generate(7, count, Math.min(series, Math.max(1, count / 10)));
    List<Long> samples = Collections.synchronizedList(new ArrayList<>());
    AtomicLong countFrom = new AtomicLong(Long.MAX_VALUE);
    try (IsolatedRun run =
        IsolatedRun.start(
            onBenchBroker,
            IsolatedRun.Options.onConfiguredCluster(),
            (alert, appendedAt) -> {
              if (appendedAt >= countFrom.get()) {
                samples.add(System.currentTimeMillis() - appendedAt);
              }
            })) {
      Bench.runningSince(run.monitor()::isRunning); // steady state: not the first rebalance's wait
      double loadMillis = count / rate * 1000;
      // small feeds: a quarter of the load is warm-up
      countFrom.set(
          System.currentTimeMillis() + (long) Math.min(WARM_UP_SECONDS * 1000L, loadMillis / 4));
      KafkaRates.produce(run.clientProperties(), run.settings().topics().input(), feed, rate);
      run.awaitProcessed(Bench.TIMEOUT);
    }
    long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return BenchResult.Latency.none();
    }
    return new BenchResult.Latency(
        sorted[(int) (sorted.length * 0.5)],
        sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))],
        sorted.length);
  }
}
