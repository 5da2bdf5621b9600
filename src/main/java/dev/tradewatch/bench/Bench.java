package dev.tradewatch.bench;

import dev.tradewatch.broker.EmbeddedKafkaBroker;
import dev.tradewatch.config.ConfigKeys;
import dev.tradewatch.config.Settings;
import dev.tradewatch.domain.FlowYear;
import dev.tradewatch.http.StateQueries;
import dev.tradewatch.isolated.CatchUp;
import dev.tradewatch.isolated.Directories;
import dev.tradewatch.lifecycle.ClusterPreparation;
import dev.tradewatch.lifecycle.StreamsRuntime;
import dev.tradewatch.stream.FlowYearSerde;
import dev.tradewatch.stream.StreamsDefaults;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * {@code bench}: on one embedded broker and one generated feed, side by side in one run — Kafka's
 * raw consumer rate, a Kafka Streams pass-through with the same guarantee, a keyed-state topology
 * of tradewatch's shape without its logic, the full tradewatch pipeline, tradewatch's logic alone,
 * end-to-end latency at half the pipeline's rate, and state bytes per series. Ratios between these
 * are what to compare across machines; absolute rates drift.
 */
public final class Bench {

  static final Duration TIMEOUT = Duration.ofMinutes(30);
  private static final String INPUT = "bench-input";

  private Bench() {}

  /**
   * Runs every measurement; the pipeline runs as {@code instances} instances of one application in
   * this JVM.
   */
  public static BenchResult run(
      Settings base, int records, int series, int instances, Consumer<String> progress)
      throws Exception {
    // every phase's state, under the configured state directory (not the OS temp directory)
    Files.createDirectories(base.application().stateDir());
    Path scratch = Files.createTempDirectory(base.application().stateDir(), "bench-");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null)) {
      Settings settings = base.onSingleBroker(broker.bootstrapServers());
      Properties client = ClusterPreparation.clientProperties(settings);
      progress.accept("generating " + records + " figures over " + series + " series");
      List<BenchFeed.Entry> feed = BenchFeed.generate(42, records, series);
      KafkaRates.createTopic(client, INPUT);
      progress.accept("producing");
      double produced = KafkaRates.produce(client, INPUT, feed, 0);
      progress.accept("raw consumer");
      double raw = KafkaRates.rawConsume(client, INPUT, feed.size());
      progress.accept("pass-through");
      String passId = uniqueId("bench-passthrough");
      KafkaRates.createTopic(client, passId + "-out");
      double passThrough =
          streamsRate(
                  settings,
                  passId,
                  BaselineTopologies.passThrough(INPUT, passId + "-out"),
                  List.of(INPUT),
                  feed.size(),
                  scratch)
              .ratePerSec();
      progress.accept("keyed state");
      String keyedId = uniqueId("bench-keyed");
      Phase keyedState =
          streamsRate(
              settings,
              keyedId,
              BaselineTopologies.keyedState(INPUT),
              List.of(INPUT, keyedId + "-" + BaselineTopologies.REPARTITION + "-repartition"),
              feed.size(),
              scratch);
      // before the pipeline: its two rounds also compile tradewatch's code, as a monitor that has
      // run for a while has it, where the baselines' Kafka code is already warm from the phases
      // before them
      progress.accept("tradewatch logic alone");
      BenchResult.Logic logic = LogicTimer.time(feed, settings);
      progress.accept(
          "tradewatch pipeline" + (instances > 1 ? ", " + instances + " instances" : ""));
      Pipeline pipeline = pipeline(settings, feed.size(), instances, scratch);
      progress.accept("latency at half load");
      BenchResult.Latency latency =
          HalfLoadLatency.measure(settings, pipeline.phase().ratePerSec(), records, series);
      System.gc();
      long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      return new BenchResult(
          new BenchResult.Feed(
              feed.size(), series, settings.application().guarantee().kafkaName(), instances),
          new BenchResult.Rates(
              produced, raw, passThrough, keyedState.ratePerSec(), pipeline.phase().ratePerSec()),
          latency,
          logic,
          new BenchResult.ClientCpu(
              keyedState.cpuMicrosPerRecord(), pipeline.phase().cpuMicrosPerRecord()),
          new BenchResult.Footprint(pipeline.stateBytesPerSeries(), heap));
    } finally {
      Directories.deleteRecursively(scratch);
    }
  }

  /** A phase's rate and the CPU its client's threads used per record. */
  private record Phase(double ratePerSec, double cpuMicrosPerRecord) {}

  private record Pipeline(Phase phase, double stateBytesPerSeries) {}

  /**
   * Runs a baseline topology over the whole input with the pipeline's guarantee and client tuning;
   * its rate and CPU per record.
   */
  private static Phase streamsRate(
      Settings settings,
      String id,
      Topology topology,
      List<String> consumed,
      int expected,
      Path scratch)
      throws Exception {
    Properties props = ClusterPreparation.clientProperties(settings);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, id);
    props.put(
        StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.application().guarantee().kafkaName());
    props.putAll(StreamsDefaults.throughputTuning());
    props.putAll(settings.cluster().clientOverrides()); // the same client tuning as the pipeline
    props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(scratch, id).toString());
    try (StreamsRuntime streams = StreamsRuntime.start(topology, props);
        Admin admin = Admin.create(ClusterPreparation.clientProperties(settings))) {
      long start = runningSince(streams::isRunning);
      new CatchUp(admin, id, consumed).await(TIMEOUT, remaining -> {}, streams::failure);
      return new Phase(expected / seconds(start), ClientCpu.microsPerRecord(id, expected));
    }
  }

  private static Pipeline pipeline(Settings settings, int expected, int instances, Path scratch)
      throws Exception {
    String id = uniqueId("bench-pipeline");
    List<StreamsRuntime> monitors = new ArrayList<>();
    try (Admin admin = Admin.create(ClusterPreparation.clientProperties(settings))) {
      Settings isolated = null;
      for (int i = 0; i < instances; i++) {
        isolated =
            settings
                .isolated(id, Files.createTempDirectory(scratch, "bench-state"))
                .with(Map.of(ConfigKeys.TOPIC_INPUT, INPUT));
        monitors.add(
            StreamsRuntime.startMonitor(isolated, new SimpleMeterRegistry(), Clock.systemUTC()));
      }
      // from the first instance running: the others join while it already works, which counts
      long start = runningSince(() -> monitors.stream().anyMatch(StreamsRuntime::isRunning));
      CatchUp.awaitMonitor(admin, isolated, monitors.get(0), null, TIMEOUT);
      Phase phase = new Phase(expected / seconds(start), ClientCpu.microsPerRecord(id, expected));
      long[] totals = new long[2]; // bytes, series
      monitors.forEach(monitor -> addStateSizes(monitor, totals));
      return new Pipeline(phase, totals[1] == 0 ? 0 : (double) totals[0] / totals[1]);
    } finally {
      monitors.forEach(StreamsRuntime::close);
    }
  }

  private static void addStateSizes(StreamsRuntime monitor, long[] totals) {
    FlowYearSerde serde = new FlowYearSerde();
    Set<String> series = new HashSet<>();
    new StateQueries(monitor.streams(), null)
        .forEachLocalYear(
            (FlowYear year) -> {
              totals[0] += serde.serializer().serialize("", year).length + year.storeKey().length();
              year.reporters().forEach(reporter -> series.add(year.flow().series(reporter).id()));
            });
    totals[1] += series.size();
  }

  private static String uniqueId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Waits until the client runs and returns that instant: the input is already complete, so rates
   * are measured from the end of the first rebalance, the same way for the pass-through and the
   * pipeline.
   */
  static long runningSince(BooleanSupplier running) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!running.getAsBoolean() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(1_000_000);
    }
    return System.nanoTime();
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
