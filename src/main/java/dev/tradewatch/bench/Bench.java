package dev.tradewatch.bench;

import dev.tradewatch.broker.EmbeddedKafkaBroker;
import dev.tradewatch.config.ConfigKeys;
import dev.tradewatch.config.Settings;
import dev.tradewatch.domain.SeriesState;
import dev.tradewatch.domain.SeriesTracker;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.figures.FigureValidator;
import dev.tradewatch.http.StateQueries;
import dev.tradewatch.isolated.AlertTail;
import dev.tradewatch.isolated.CatchUp;
import dev.tradewatch.isolated.Directories;
import dev.tradewatch.lifecycle.ClusterPreparation;
import dev.tradewatch.lifecycle.StreamsRuntime;
import dev.tradewatch.stream.FigureParser;
import dev.tradewatch.stream.FigureSerde;
import dev.tradewatch.stream.SeriesStateSerde;
import dev.tradewatch.stream.StreamsDefaults;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * {@code bench}: on one embedded broker and one generated feed, side by side in one run — Kafka's
 * raw consumer rate, a Kafka Streams pass-through with the same guarantee, a keyed-state topology
 * of tradewatch's shape without its logic, the full tradewatch pipeline, tradewatch's logic alone,
 * end-to-end latency at half the pipeline's rate, and state bytes per series. Ratios between these
 * are what to compare across machines; absolute rates drift.
 */
public final class Bench {

  /** The measurements; rates in records per second, latencies in milliseconds. */
  public record Result(
      int records,
      int series,
      String guarantee,
      int instances,
      double produceRatePerSec,
      double rawConsumerPerSec,
      double passThroughPerSec,
      double keyedStatePerSec,
      double pipelinePerSec,
      double latencyP50Ms,
      double latencyP99Ms,
      int latencySamples,
      double stateBytesPerSeries,
      long heapUsedBytes,
      Logic logicMicrosPerFigure) {}

  /**
   * tradewatch's own work per figure without Kafka, in microseconds on one thread: parse and
   * validate, the internal figure serde round trip, and the series step (state read, rules, state
   * write).
   */
  public record Logic(double parse, double figureSerde, double seriesStep) {}

  private static final int PARTITIONS = 4;
  private static final Duration TIMEOUT = Duration.ofMinutes(30);
  private static final int WARM_UP_SECONDS = 10;

  private Bench() {}

  /**
   * Runs every measurement; the pipeline runs as {@code instances} instances of one application in
   * this JVM.
   */
  public static Result run(
      Settings base, int records, int series, int instances, Consumer<String> progress)
      throws Exception {
    Path scratch =
        Files.createTempDirectory("tradewatch-bench-"); // every phase's state, deleted at the end
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null)) {
      Settings settings = base.onSingleBroker(broker.bootstrapServers());
      Properties client = ClusterPreparation.clientProperties(settings);
      progress.accept("generating " + records + " figures over " + series + " series");
      List<BenchFeed.Entry> feed = BenchFeed.generate(42, records, series);
      createTopic(client, "bench-input");
      progress.accept("producing");
      double produceRate = produce(client, "bench-input", feed, 0);
      progress.accept("raw consumer");
      double raw = rawConsume(client, "bench-input", feed.size());
      progress.accept("pass-through");
      double passThrough = passThrough(settings, client, feed.size(), scratch);
      progress.accept("keyed state");
      double keyedState = keyedState(settings, client, feed.size(), scratch);
      progress.accept(
          "tradewatch pipeline" + (instances > 1 ? ", " + instances + " instances" : ""));
      Pipeline pipeline =
          pipeline(settings, client, "bench-input", feed.size(), instances, scratch);
      progress.accept("tradewatch logic alone");
      Logic logic = logicAlone(feed, settings);
      progress.accept("latency at half load");
      double[] latency =
          latencyAtHalfLoad(settings, client, pipeline.ratePerSec(), records, series, scratch);
      System.gc();
      long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      return new Result(
          feed.size(),
          series,
          settings.application().guarantee().kafkaName(),
          instances,
          produceRate,
          raw,
          passThrough,
          keyedState,
          pipeline.ratePerSec(),
          latency[0],
          latency[1],
          (int) latency[2],
          pipeline.stateBytesPerSeries(),
          heap,
          logic);
    } finally {
      Directories.deleteRecursively(scratch);
    }
  }

  private record Pipeline(double ratePerSec, double stateBytesPerSeries) {}

  private static void createTopic(Properties client, String topic) throws Exception {
    try (Admin admin = Admin.create(client)) {
      admin
          .createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
  }

  private static double produce(
      Properties client, String topic, List<BenchFeed.Entry> feed, double ratePerSec) {
    Properties props = new Properties();
    props.putAll(client);
    props.putAll(
        Map.of(
            ProducerConfig.LINGER_MS_CONFIG,
            "20",
            ProducerConfig.BATCH_SIZE_CONFIG,
            "262144",
            ProducerConfig.ACKS_CONFIG,
            "all"));
    long start = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < feed.size(); i++) {
        if (ratePerSec > 0) {
          long due = start + (long) (i * 1e9 / ratePerSec);
          while (System.nanoTime() < due) {
            LockSupport.parkNanos(due - System.nanoTime());
          }
        }
        producer.send(new ProducerRecord<>(topic, feed.get(i).key(), feed.get(i).value()));
      }
      producer.flush();
    }
    return feed.size() / seconds(start);
  }

  private static double rawConsume(Properties client, String topic, int expected) {
    Properties props = new Properties();
    props.putAll(client);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (int p = 0; p < PARTITIONS; p++) {
        partitions.add(new TopicPartition(topic, p));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long start = System.nanoTime();
      long read = 0;
      while (read < expected) {
        read += consumer.poll(Duration.ofMillis(200)).count();
      }
      return read / seconds(start);
    }
  }

  /** The baseline: consume and produce the same records with the same guarantee, nothing else. */
  private static double passThrough(
      Settings settings, Properties client, int expected, Path scratch) throws Exception {
    String id = "bench-passthrough-" + UUID.randomUUID().toString().substring(0, 8);
    createTopic(client, id + "-out");
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("bench-input", Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .to(id + "-out", Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
    return streamsRate(settings, client, id, builder, List.of("bench-input"), expected, scratch);
  }

  /**
   * The Kafka Streams work of tradewatch's shape without its logic: repartition by series (the
   * record key here), then read and write each record's entry in a persistent, change-logged store.
   */
  private static double keyedState(Settings settings, Properties client, int expected, Path scratch)
      throws Exception {
    String id = "bench-keyed-" + UUID.randomUUID().toString().substring(0, 8);
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore("latest"), Serdes.ByteArray(), Serdes.ByteArray()));
    builder.stream("bench-input", Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .repartition(
            Repartitioned.<byte[], byte[]>as("by-series")
                .withKeySerde(Serdes.ByteArray())
                .withValueSerde(Serdes.ByteArray()))
        .process(LatestPerKey::new, "latest");
    return streamsRate(
        settings,
        client,
        id,
        builder,
        List.of("bench-input", id + "-by-series-repartition"),
        expected,
        scratch);
  }

  /** Keeps the latest value per key, reading the previous one first as tradewatch does. */
  private static final class LatestPerKey implements Processor<byte[], byte[], Void, Void> {
    private KeyValueStore<byte[], byte[]> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore("latest");
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
      store.get(record.key());
      store.put(record.key(), record.value());
    }
  }

  /**
   * Runs a topology over the whole input with the pipeline's guarantee and client tuning; records
   * per second.
   */
  private static double streamsRate(
      Settings settings,
      Properties client,
      String id,
      StreamsBuilder builder,
      List<String> consumed,
      int expected,
      Path scratch)
      throws Exception {
    Properties props = new Properties();
    props.putAll(client);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, id);
    props.put(
        StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.application().guarantee().kafkaName());
    props.putAll(StreamsDefaults.producerBatching());
    props.putAll(settings.cluster().clientOverrides()); // the same client tuning as the pipeline
    props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(scratch, id).toString());
    try (KafkaStreams streams = new KafkaStreams(builder.build(), props);
        Admin admin = Admin.create(client)) {
      streams.start();
      long start = runningSince(() -> streams.state() == KafkaStreams.State.RUNNING);
      new CatchUp(admin, id, consumed).await(TIMEOUT, remaining -> {}, () -> null);
      return expected / seconds(start);
    }
  }

  private static Pipeline pipeline(
      Settings settings, Properties client, String input, int expected, int instances, Path scratch)
      throws Exception {
    String id = "bench-pipeline-" + UUID.randomUUID().toString().substring(0, 8);
    List<StreamsRuntime> monitors = new ArrayList<>();
    try (Admin admin = Admin.create(client)) {
      Settings isolated = null;
      for (int i = 0; i < instances; i++) {
        isolated =
            settings
                .isolated(id, Files.createTempDirectory(scratch, "bench-state"))
                .with(Map.of(ConfigKeys.TOPIC_INPUT, input));
        monitors.add(
            StreamsRuntime.startMonitor(isolated, new SimpleMeterRegistry(), Clock.systemUTC()));
      }
      // from the first instance running: the others join while it already works, which counts
      long start = runningSince(() -> monitors.stream().anyMatch(StreamsRuntime::isRunning));
      CatchUp.awaitMonitor(admin, isolated, monitors.get(0), null, TIMEOUT);
      double rate = expected / seconds(start);
      long[] totals = new long[2]; // bytes, series
      monitors.forEach(monitor -> addStateSizes(monitor, totals));
      return new Pipeline(rate, totals[1] == 0 ? 0 : (double) totals[0] / totals[1]);
    } finally {
      monitors.forEach(StreamsRuntime::close);
    }
  }

  private static void addStateSizes(StreamsRuntime monitor, long[] totals) {
    SeriesStateSerde serde = new SeriesStateSerde();
    new StateQueries(monitor.streams(), null)
        .forEachLocal(
            (SeriesState state) -> {
              totals[0] +=
                  serde.serializer().serialize("", state).length + state.series().id().length();
              totals[1]++;
            });
  }

  /**
   * Times the domain and serde steps over the whole feed, as the pipeline sees it; a warm-up round,
   * then the measured one.
   */
  private static Logic logicAlone(List<BenchFeed.Entry> feed, Settings settings) {
    List<BenchFeed.Entry> sample = feed;
    Instant now = Instant.now();
    FigureParser parser =
        new FigureParser(new FigureValidator(Clock.systemUTC()), settings.maxRecordBytes());
    SeriesTracker tracker = new SeriesTracker(settings.detection());
    FigureSerde figureSerde = new FigureSerde();
    SeriesStateSerde stateSerde = new SeriesStateSerde();
    long[] nanos = new long[3];
    for (int round = 0; round < 2; round++) {
      Arrays.fill(nanos, 0);
      Map<String, byte[]> store = new HashMap<>();
      for (BenchFeed.Entry entry : sample) {
        long t0 = System.nanoTime();
        Figure parsed = parser.parse(entry.value(), now).figure();
        long t1 = System.nanoTime();
        if (parsed == null) {
          throw new IllegalStateException(
              "the bench feed holds an invalid figure: "
                  + new String(entry.value(), StandardCharsets.UTF_8));
        }
        Figure figure =
            figureSerde
                .deserializer()
                .deserialize("", figureSerde.serializer().serialize("", parsed));
        long t2 = System.nanoTime();
        byte[] stored = store.get(figure.series().id());
        SeriesState state =
            stored == null
                ? new SeriesState(figure.series())
                : stateSerde.deserializer().deserialize("", stored);
        tracker.apply(state, figure, now);
        store.put(figure.series().id(), stateSerde.serializer().serialize("", state));
        long t3 = System.nanoTime();
        nanos[0] += t1 - t0;
        nanos[1] += t2 - t1;
        nanos[2] += t3 - t2;
      }
    }
    double perFigure = sample.size() * 1000.0;
    return new Logic(nanos[0] / perFigure, nanos[1] / perFigure, nanos[2] / perFigure);
  }

  /**
   * A fresh pipeline fed at half the measured rate for about 40 s; latency is from a figure's
   * append (its record timestamp, which the alert keeps) to the moment its alert is readable with
   * read_committed. Alerts of the first 10 s are warm-up and not counted: a fresh application's
   * first seconds (new topics and store, the producers' first transactions) measured up to 5 s of
   * backlog, which is start-up, not steady-state latency.
   */
  private static double[] latencyAtHalfLoad(
      Settings settings,
      Properties client,
      double pipelineRate,
      int records,
      int series,
      Path scratch)
      throws Exception {
    String id = "bench-latency-" + UUID.randomUUID().toString().substring(0, 8);
    Settings isolated = settings.isolated(id, Files.createTempDirectory(scratch, "bench-latency"));
    int count =
        (int) Math.min(records, Math.max(10_000, pipelineRate * 0.5 * (WARM_UP_SECONDS + 30)));
    List<BenchFeed.Entry> feed =
        BenchFeed.generate(7, count, Math.min(series, Math.max(1, count / 10)));
    List<Long> samples = Collections.synchronizedList(new ArrayList<>());
    AtomicLong countFrom = new AtomicLong(Long.MAX_VALUE);
    try (StreamsRuntime monitor =
            StreamsRuntime.startMonitor(isolated, new SimpleMeterRegistry(), Clock.systemUTC());
        AlertTail tail =
            new AlertTail(
                client,
                isolated.topics().alerts(),
                (alert, appendedAt) -> {
                  if (appendedAt >= countFrom.get()) {
                    samples.add(System.currentTimeMillis() - appendedAt);
                  }
                });
        Admin admin = Admin.create(client)) {
      runningSince(monitor::isRunning); // steady state: not the first rebalance's wait
      double loadMillis = count / (pipelineRate * 0.5) * 1000;
      countFrom.set(
          System.currentTimeMillis()
              + (long) Math.min(WARM_UP_SECONDS * 1000L, loadMillis / 4)); // small feeds: a quarter
      produce(client, isolated.topics().input(), feed, pipelineRate * 0.5);
      CatchUp.awaitMonitor(admin, isolated, monitor, tail, TIMEOUT);
    }
    long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return new double[] {Double.NaN, Double.NaN, 0};
    }
    return new double[] {
      sorted[(int) (sorted.length * 0.5)],
      sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))],
      sorted.length
    };
  }

  /**
   * Waits until the client runs and returns that instant: the input is already complete, so rates
   * are measured from the end of the first rebalance, the same way for the pass-through and the
   * pipeline.
   */
  private static long runningSince(BooleanSupplier running) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!running.getAsBoolean() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(1_000_000);
    }
    return System.nanoTime();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
