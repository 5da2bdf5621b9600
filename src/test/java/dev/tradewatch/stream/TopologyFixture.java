package dev.tradewatch.stream;

import dev.tradewatch.config.RulesTopicLayer;
import dev.tradewatch.config.SettingsLoader;
import dev.tradewatch.config.Topics;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.metrics.PipelineMetrics;
import dev.tradewatch.testing.Schemas;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * A TopologyTestDriver around the real topology, with a fixed clock and a SimpleMeterRegistry;
 * every alert read from it is checked against the alert schema.
 */
final class TopologyFixture implements AutoCloseable {

  static final Instant NOW = Instant.parse("2026-11-27T23:10:00Z");

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final PipelineMetrics metrics = new PipelineMetrics(registry);
  final TopologyTestDriver driver;
  final TestInputTopic<byte[], byte[]> input;
  final TestOutputTopic<String, Alert> alerts;
  final TestOutputTopic<byte[], byte[]> deadLetters;
  final TestInputTopic<String, String> rules;

  TopologyFixture(TopologySettings settings) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Properties props = StreamsDefaults.forTopics(settings.topics());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "tradewatch-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, tempDir().toString()); // drivers may coexist
    driver = new TopologyTestDriver(TradewatchTopology.build(settings, metrics, clock), props, NOW);
    Topics topics = settings.topics();
    input =
        driver.createInputTopic(
            topics.input(), new ByteArraySerializer(), new ByteArraySerializer());
    alerts =
        driver.createOutputTopic(
            topics.alerts(), new StringDeserializer(), Schemas.checkedAlerts());
    deadLetters =
        driver.createOutputTopic(
            topics.deadLetter(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    rules = driver.createInputTopic(topics.rules(), new StringSerializer(), new StringSerializer());
  }

  /**
   * The defaults, with sources judged at the reference case's data time (its latest publication),
   * as a backtest judges them: at the fixture's clock, 2026, every source of 2020 is silent.
   */
  TopologyFixture() {
    this(settingsWith(Map.of(SOURCES_AS_OF, REFERENCE_DATA_TIME)));
  }

  static final String SOURCES_AS_OF = "tradewatch.rules.source-silent.as-of";
  static final String REFERENCE_DATA_TIME = "2020-10-02T00:00:00Z";

  /** The topology with rule settings ({@code tradewatch.rules.…} keys) over the defaults. */
  static TopologyFixture withRules(Map<String, String> rules) {
    return new TopologyFixture(settingsWith(rules));
  }

  /**
   * The rules over the defaults, with one flow partition: the driver's single partition is every
   * flow's, so figures are tracked in place. Tests that build their own settings without a
   * partition count send every figure through the repartition topic instead.
   */
  static TopologySettings settingsWith(Map<String, String> rules) {
    TopologySettings defaults = TopologySettings.defaults();
    return new TopologySettings(
        defaults.topics(),
        new RulesTopicLayer(SettingsLoader.load(null, Map.of(), rules)),
        defaults.maxRecordBytes(),
        defaults.deadLetterMaxBytes(),
        1);
  }

  /** The topics the topology wrote to, internal ones included. */
  java.util.Set<String> writtenTopics() {
    return driver.producedTopicNames();
  }

  void send(String json) {
    input.pipeInput(new TestRecord<>(null, json.getBytes(StandardCharsets.UTF_8)));
  }

  /** Writes a record to the rules topic; a null value is a tombstone. */
  void setRule(String key, String value) {
    rules.pipeInput(key, value);
  }

  /**
   * What a replay does once it has read all its input: lets a second of wall clock pass, in which
   * every source is judged at the as-of instant.
   */
  void endOfInput() {
    driver.advanceWallClockTime(SourceProcessor.REPLAY_JUDGE_INTERVAL);
  }

  /**
   * Lets wall-clock time pass until every task has noticed the rules in force and re-evaluated its
   * series under them; returns the number of punctuations that took.
   */
  int awaitRulesApplied() {
    int punctuations = 0;
    do {
      driver.advanceWallClockTime(FlowProcessor.RULES_CHECK_INTERVAL);
      punctuations++;
      if (punctuations > 100_000) {
        throw new AssertionError("the re-evaluation after a change of rules never ends");
      }
    } while (metrics.reevaluation().snapshot().reevaluating());
    return punctuations;
  }

  void sendSeedCase() {
    seedCaseLines().forEach(this::send);
  }

  /** Every alert record, in order, with its key checked against the alert id. */
  List<Alert> readAlerts() {
    return alerts.readKeyValuesToList().stream()
        .map(
            kv -> {
              if (!kv.key.equals(kv.value.alertId())) {
                throw new AssertionError(
                    "key " + kv.key + " is not the alert id " + kv.value.alertId());
              }
              return kv.value;
            })
        .toList();
  }

  /** The latest state of every alert, by id. */
  static Map<String, Alert> latest(List<Alert> alerts) {
    Map<String, Alert> latest = new LinkedHashMap<>();
    alerts.forEach(alert -> latest.put(alert.alertId(), alert));
    return latest;
  }

  private static java.nio.file.Path tempDir() {
    try {
      return java.nio.file.Files.createTempDirectory("tradewatch-ttd");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> seedCaseLines() {
    try (InputStream in = TopologyFixture.class.getResourceAsStream("/seed-case.jsonl")) {
      return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
          .filter(line -> !line.isBlank())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  double counter(String name, String tag, String value) {
    var counter = registry.find(name).tag(tag, value).counter();
    return counter == null ? 0 : counter.count();
  }

  @Override
  public void close() {
    driver.close();
  }
}
