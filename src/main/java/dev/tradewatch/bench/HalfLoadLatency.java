package dev.tradewatch.bench;

import dev.tradewatch.config.Settings;
import dev.tradewatch.domain.FlowTracker;
import dev.tradewatch.domain.FlowWindow;
import dev.tradewatch.domain.FlowYear;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.figures.FigureValidator;
import dev.tradewatch.domain.figures.FlowKey;
import dev.tradewatch.isolated.IsolatedRun;
import dev.tradewatch.stream.AlertJson;
import dev.tradewatch.stream.FigureParser;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fresh pipeline fed at half the measured rate for about 40 s; latency is from a figure's append
 * (its record timestamp, which the alert keeps) to the moment its alert is read with read_committed
 * (when the poll that returned it ended: the time the measuring consumer then takes to decode
 * alerts is not tradewatch's). Alerts of the first 10 s are warm-up and not counted: a fresh
 * application's first seconds (new topics and store, the producers' first transactions) measured up
 * to 5 s of backlog, which is start-up, not steady-state latency.
 */
final class HalfLoadLatency {

  private static final int WARM_UP_SECONDS = 10;
  private static final int MEASURED_SECONDS = 30;
  private static final int WARM_FIGURES = 20_000;
  private static final int DECODES_TO_WARM = 50_000;

  private HalfLoadLatency() {}

  static BenchResult.Latency measure(
      Settings onBenchBroker, double pipelineRate, int records, int series) throws Exception {
    double rate = pipelineRate * 0.5;
    int count =
        (int) Math.min(records, Math.max(10_000, rate * (WARM_UP_SECONDS + MEASURED_SECONDS)));
    List<BenchFeed.Entry> feed =
        BenchFeed.generate(7, count, Math.min(series, Math.max(1, count / 10)));
    warmAlertDecoding(onBenchBroker);
    System.gc(); // the warm-up's garbage is not the measured run's to collect
    List<Long> samples = Collections.synchronizedList(new ArrayList<>());
    AtomicLong countFrom = new AtomicLong(Long.MAX_VALUE);
    try (IsolatedRun run =
        IsolatedRun.start(
            onBenchBroker,
            IsolatedRun.Options.onConfiguredCluster(),
            (alert, appendedAt, readAt) -> {
              if (appendedAt >= countFrom.get()) {
                samples.add(readAt - appendedAt);
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

  /**
   * Decodes alerts, as the measuring consumer will, until the JIT has compiled the decoding: that
   * consumer runs in this JVM, on the thread that polls, and a cold decoder delays its next polls
   * by seconds (C2 was seen compiling it well into the measured window), which would count as
   * tradewatch's latency. The alerts come from a small feed of the same kind (a warm-up over the
   * whole measured feed left so much garbage that the measured run paid for its collection: p50 209
   * ms, p99 880 ms), through the domain alone, without Kafka.
   */
  private static void warmAlertDecoding(Settings settings) {
    List<BenchFeed.Entry> feed = BenchFeed.generate(11, WARM_FIGURES, WARM_FIGURES / 10);
    Instant now = Instant.now();
    FigureParser parser =
        new FigureParser(new FigureValidator(Clock.systemUTC()), settings.maxRecordBytes());
    FlowTracker tracker = new FlowTracker(settings.detection());
    AlertJson json = new AlertJson();
    Map<String, FlowYear> years = new HashMap<>();
    List<byte[]> alerts = new ArrayList<>();
    for (BenchFeed.Entry entry : feed) {
      Figure figure = parser.parse(entry.value(), now).figure();
      if (figure == null) {
        continue;
      }
      FlowKey flow = FlowKey.of(figure.series());
      FlowWindow window = new FlowWindow(flow, year -> years.get(FlowYear.storeKey(flow, year)));
      tracker
          .apply(window, figure, now)
          .changes()
          .forEach(alert -> alerts.add(json.serializer().serialize("", alert)));
      window.changedYears().forEach(year -> years.put(year.storeKey(), year));
    }
    for (int i = 0; !alerts.isEmpty() && i < DECODES_TO_WARM; i++) {
      json.deserializer().deserialize("", alerts.get(i % alerts.size()));
    }
  }
}
