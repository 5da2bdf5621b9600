package dev.tradewatch.runtime;

import java.util.function.BooleanSupplier;
import java.util.Collections;
import java.util.concurrent.locks.LockSupport;
import dev.tradewatch.config.Settings;
import dev.tradewatch.domain.SeriesState;
import dev.tradewatch.replay.BenchFeed;
import dev.tradewatch.stream.SeriesStateSerde;
import dev.tradewatch.stream.StreamsDefaults;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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

/**
 * {@code bench}: on one embedded broker and one generated feed, side by side in one run — Kafka's raw
 * consumer rate, a Kafka Streams pass-through with the same guarantee, the full tradewatch pipeline,
 * end-to-end latency at half the pipeline's rate, and state bytes per series. Ratios between these
 * are what to compare across machines; absolute rates drift.
 */
public final class Bench {

    /** The measurements; rates in records per second, latencies in milliseconds. */
    public record Result(int records, int series, String guarantee, double produceRatePerSec, double rawConsumerPerSec,
                         double passThroughPerSec, double pipelinePerSec, double latencyP50Ms, double latencyP99Ms,
                         int latencySamples, double stateBytesPerSeries, long heapUsedBytes) {
    }

    private static final int PARTITIONS = 4;
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private Bench() {
    }

    public static Result run(Settings base, int records, int series, Consumer<String> progress) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null)) {
            Settings settings = base.withBootstrapServers(broker.bootstrapServers()).withReplicationFactor((short) 1);
            Properties client = ClusterPreparation.clientProperties(settings);
            progress.accept("generating " + records + " figures over " + series + " series");
            List<byte[]> feed = BenchFeed.generate(42, records, series);
            createTopic(client, "bench-input");
            progress.accept("producing");
            double produceRate = produce(client, "bench-input", feed, 0);
            progress.accept("raw consumer");
            double raw = rawConsume(client, "bench-input", feed.size());
            progress.accept("pass-through");
            double passThrough = passThrough(settings, client, feed.size());
            progress.accept("tradewatch pipeline");
            Pipeline pipeline = pipeline(settings, client, "bench-input", feed.size());
            progress.accept("latency at half load");
            double[] latency = latencyAtHalfLoad(settings, client, pipeline.ratePerSec(), records, series);
            System.gc();
            long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            return new Result(feed.size(), series, settings.processingGuarantee(), produceRate, raw, passThrough,
                    pipeline.ratePerSec(), latency[0], latency[1], (int) latency[2], pipeline.stateBytesPerSeries(), heap);
        }
    }

    private record Pipeline(double ratePerSec, double stateBytesPerSeries) {
    }

    private static void createTopic(Properties client, String topic) throws Exception {
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static double produce(Properties client, String topic, List<byte[]> feed, double ratePerSec) {
        Properties props = new Properties();
        props.putAll(client);
        props.putAll(Map.of(ProducerConfig.LINGER_MS_CONFIG, "20", ProducerConfig.BATCH_SIZE_CONFIG, "262144",
                ProducerConfig.ACKS_CONFIG, "all"));
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < feed.size(); i++) {
                if (ratePerSec > 0) {
                    long due = start + (long) (i * 1e9 / ratePerSec);
                    while (System.nanoTime() < due) {
                        LockSupport.parkNanos(due - System.nanoTime());
                    }
                }
                producer.send(new ProducerRecord<>(topic, feed.get(i)));
            }
            producer.flush();
        }
        return feed.size() / seconds(start);
    }

    private static double rawConsume(Properties client, String topic, int expected) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
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
    private static double passThrough(Settings settings, Properties client, int expected) throws Exception {
        String id = "bench-passthrough-" + UUID.randomUUID().toString().substring(0, 8);
        createTopic(client, id + "-out");
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("bench-input", Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(id + "-out", Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        Properties props = new Properties();
        props.putAll(client);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, id);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee());
        props.putAll(StreamsDefaults.producerBatching());
        props.putAll(settings.kafka()); // the same client tuning as the pipeline
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("bench-passthrough").toString());
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props); Admin admin = Admin.create(client)) {
            streams.start();
            long start = runningSince(() -> streams.state() == KafkaStreams.State.RUNNING);
            new CatchUp(admin, id, List.of("bench-input")).await(TIMEOUT, remaining -> { }, () -> null);
            return expected / seconds(start);
        }
    }

    private static Pipeline pipeline(Settings settings, Properties client, String input, int expected) throws Exception {
        String id = "bench-pipeline-" + UUID.randomUUID().toString().substring(0, 8);
        Path state = Files.createTempDirectory("bench-state");
        Settings isolated = settings.isolated(id, state).withInputTopic(input);
        try (MonitorRuntime monitor = MonitorRuntime.start(isolated, new SimpleMeterRegistry(), Clock.systemUTC());
             Admin admin = Admin.create(client)) {
            long start = runningSince(monitor::isRunning);
            CatchUp.awaitMonitor(admin, isolated, monitor, null, TIMEOUT);
            double rate = expected / seconds(start);
            return new Pipeline(rate, stateBytesPerSeries(monitor));
        }
    }

    private static double stateBytesPerSeries(MonitorRuntime monitor) {
        long[] totals = new long[2];
        SeriesStateSerde serde = new SeriesStateSerde();
        new StateQueries(monitor.streams(), null).forEachLocal((SeriesState state) -> {
            totals[0] += serde.serializer().serialize("", state).length + state.series().id().length();
            totals[1]++;
        });
        return totals[1] == 0 ? 0 : (double) totals[0] / totals[1];
    }

    /**
     * A fresh pipeline fed at half the measured rate; latency is from a figure's append (its record
     * timestamp, which the alert keeps) to the moment its alert is readable with read_committed.
     */
    private static double[] latencyAtHalfLoad(Settings settings, Properties client, double pipelineRate, int records,
                                              int series) throws Exception {
        String id = "bench-latency-" + UUID.randomUUID().toString().substring(0, 8);
        Settings isolated = settings.isolated(id, Files.createTempDirectory("bench-latency"));
        int count = (int) Math.min(records, Math.max(10_000, pipelineRate * 0.5 * 30)); // about 30 s of load
        List<byte[]> feed = BenchFeed.generate(7, count, Math.min(series, Math.max(1, count / 10)));
        List<Long> samples = Collections.synchronizedList(new ArrayList<>());
        try (MonitorRuntime monitor = MonitorRuntime.start(isolated, new SimpleMeterRegistry(), Clock.systemUTC());
             AlertTail tail = new AlertTail(client, isolated.topics().alerts(),
                     (alert, appendedAt) -> samples.add(System.currentTimeMillis() - appendedAt));
             Admin admin = Admin.create(client)) {
            runningSince(monitor::isRunning); // steady state: not the first rebalance's wait
            produce(client, isolated.topics().input(), feed, pipelineRate * 0.5);
            CatchUp.awaitMonitor(admin, isolated, monitor, tail, TIMEOUT);
        }
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new double[] {Double.NaN, Double.NaN, 0};
        }
        return new double[] {sorted[(int) (sorted.length * 0.5)], sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))],
            sorted.length};
    }

    /**
     * Waits until the client runs and returns that instant: the input is already complete, so rates are
     * measured from the end of the first rebalance, the same way for the pass-through and the pipeline.
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
