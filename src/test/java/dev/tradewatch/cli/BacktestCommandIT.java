package dev.tradewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradewatch.config.Settings;
import dev.tradewatch.demo.DemoData;
import dev.tradewatch.demo.SyntheticFeed;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.isolated.AlertTail;
import dev.tradewatch.isolated.CatchUp;
import dev.tradewatch.isolated.IsolatedRun;
import dev.tradewatch.lifecycle.ClusterPreparation;
import dev.tradewatch.lifecycle.StreamsRuntime;
import dev.tradewatch.replay.FigureProducer;
import dev.tradewatch.replay.RecordStamps;
import dev.tradewatch.stream.AlertJson;
import dev.tradewatch.testing.BrokerPerClass;
import dev.tradewatch.testing.KafkaTestSupport;
import dev.tradewatch.testing.Schemas;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backtest} on its own embedded broker, checked against the contract and against a live run.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hung broker or client fails the test, not CI
class BacktestCommandIT extends BrokerPerClass {

  private static final String AZE = "TUR-AZE-defence-aerospace-TUR-";
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void shouldWriteExactlyTheReferenceAlertsOfTheContract() throws IOException {
    Path seed = write("seed-case.jsonl", DemoData.referenceCase());
    Path output = dir.resolve("alerts.jsonl");

    CommandITSupport.Outcome outcome =
        CommandITSupport.execute(
            "backtest", "--input", seed.toString(), "--output", output.toString());

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(readAlerts(output).keySet())
        .containsExactly(
            AZE + "month-spike-2020-08",
            AZE + "month-spike-2020-09",
            AZE + "month-threshold-2020-09",
            AZE + "ytd-ratio-2020-09",
            "TUR-OMN-defence-aerospace-TUR-month-threshold-2020-09",
            "TUR-USA-defence-aerospace-TUR-month-threshold-2020-09");
    assertThat(outcome.out()).contains("7 figures read", "7 accepted (7 new", "6 active");
  }

  @Test
  void shouldTellTheLeadTimeOfTheReferenceCaseWithTheBundledLabels() throws IOException {
    Path seed = write("seed-case.jsonl", DemoData.referenceCase());
    Path labels = dir.resolve("seed-case-labels.csv");
    try (InputStream in = getClass().getResourceAsStream("/seed-case-labels.csv")) {
      Files.copy(in, labels);
    }

    CommandITSupport.Outcome outcome =
        CommandITSupport.execute(
            "backtest", "--input", seed.toString(), "--labels", labels.toString());

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.out())
        .contains(
            "  active by year: 2020: month-spike 2, month-threshold 3, ytd-ratio 1",
            "  flows alerted: 3 (exporter, importer, category)",
            "  against 1 label: precision 0.167, recall 1.000",
            "    month-spike:     precision 0.500 (2 alerts), recall 1.000 (1 label)",
            "  lead time: TUR→AZE 2020-08 month-spike [defence-aerospace]: 25 days before"
                + " 2020-09-27 (first knowable 2020-09-02)");
  }

  @Test
  void shouldWriteTheSameBytesAsTheAlertTopicApartFromDetectedAt() throws Exception {
    Path seed = write("seed-case.jsonl", DemoData.referenceCase());
    Path output = dir.resolve("alerts.jsonl");
    assertThat(
            CommandITSupport.execute(
                    "backtest", "--input", seed.toString(), "--output", output.toString())
                .exitCode())
        .isZero();
    List<String> backtest = withoutDetectedAt(Files.readAllLines(output, StandardCharsets.UTF_8));

    // a live run on one input partition sees the figures in file order, as the backtest did
    Settings settings =
        KafkaTestSupport.isolatedSettings(
            broker.bootstrapServers(),
            dir.resolve("live-state"),
            Map.of("tradewatch.topics.partitions", "1"));
    List<String> topic;
    try (StreamsRuntime monitor =
        StreamsRuntime.startMonitor(settings, new SimpleMeterRegistry(), Clock.systemUTC())) {
      KafkaTestSupport.produce(
          broker.bootstrapServers(), settings.topics().input(), DemoData.referenceCase());
      topic =
          latestValuesWithoutDetectedAt(
              KafkaTestSupport.readCommittedUntil(
                  broker.bootstrapServers(),
                  settings.topics().alerts(),
                  read -> latestValuesWithoutDetectedAt(read).equals(backtest)));
    }

    assertThat(backtest).hasSize(6);
    assertThat(topic).containsExactlyElementsOf(backtest);
  }

  @Test
  void shouldAgreeWithALiveRunThatSawTheSameFeedInAnotherOrder() throws Exception {
    SyntheticFeed.Feed feed = SyntheticFeed.generate(7, 40, 2021, 2);
    List<String> lines = new ArrayList<>(DemoData.referenceCase());
    lines.addAll(feed.lines());
    Path input = write("feed.jsonl", lines);
    Path output = dir.resolve("alerts.jsonl");
    assertThat(
            CommandITSupport.execute(
                    "backtest",
                    "--input",
                    input.toString(),
                    "--output",
                    output.toString(),
                    // sources judged at the live run's "now", as the contract compares them
                    "--as-of",
                    KafkaTestSupport.SOURCES_AS_OF)
                .exitCode())
        .isZero();

    List<String> shuffled = new ArrayList<>(lines);
    Collections.shuffle(shuffled, new Random(42));
    Map<String, Alert> live = liveRun(shuffled);

    Map<String, String> backtestState = KafkaTestSupport.currentState(readAlerts(output));
    assertThat(backtestState).hasSizeGreaterThan(10);
    assertThat(KafkaTestSupport.currentState(live)).isEqualTo(backtestState);
    assertThat(KafkaTestSupport.evidenceState(live))
        .isEqualTo(KafkaTestSupport.evidenceState(readAlerts(output)));
  }

  @Test
  void shouldBacktestAComtradeFileWithMonthlyAnnualAndMirrorRows() throws IOException {
    Path comtrade = dir.resolve("comtrade.csv");
    try (InputStream in = getClass().getResourceAsStream("/comtrade-turkey-azerbaijan.csv")) {
      Files.copy(in, comtrade);
    }
    Path output = dir.resolve("alerts.jsonl");
    Path labels =
        write(
            "labels.csv",
            List.of("exporter,importer,period", "TUR,AZE,2020-08", "TUR,AZE,2020-09"));

    CommandITSupport.Outcome outcome =
        CommandITSupport.execute(
            "backtest",
            "--input",
            comtrade.toString(),
            "--output",
            output.toString(),
            "--labels",
            labels.toString());

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(readAlerts(output).keySet())
        .containsExactlyInAnyOrder(
            "TUR-AZE-93-TUR-month-spike-2020-08", "TUR-AZE-93-TUR-month-threshold-2020-09",
            "TUR-AZE-93-AZE-month-threshold-2020-09", "TUR-AZE-total-TUR-ytd-ratio-2020-12");
    assertThat(outcome.out())
        .contains(
            "(comtrade)", "7 figures read", "against 2 labels: precision 0.750, recall 1.000");
  }

  @Test
  void shouldWriteTheSameAlertsInTwoBacktestsOfOneFileApartFromDetectedAt() throws IOException {
    List<String> lines = new ArrayList<>(DemoData.referenceCase());
    lines.addAll(revisionsWithoutPublishedAt(20));
    lines.addAll(SyntheticFeed.generate(11, 30, 2021, 2).lines());
    Path input = write("feed.jsonl", lines);
    Path first = dir.resolve("first.jsonl");
    Path second = dir.resolve("second.jsonl");

    assertThat(backtest(input, first).exitCode()).isZero();
    assertThat(backtest(input, second).exitCode()).isZero();

    List<String> firstAlerts = withoutHistoryOfSources(Files.readAllLines(first));
    assertThat(firstAlerts).hasSizeGreaterThan(20);
    assertThat(withoutHistoryOfSources(Files.readAllLines(second))).isEqualTo(firstAlerts);
  }

  @Test
  void shouldLetTheLaterOfTwoLinesWithoutPublishedAtWin() throws IOException {
    // ten flows, each a month of $120M then its revision to $60M, neither with a publishedAt
    Path input = write("revised.jsonl", revisionsWithoutPublishedAt(10));
    Path output = dir.resolve("alerts.jsonl");

    assertThat(backtest(input, output).exitCode()).isZero();

    Map<String, Alert> alerts = readAlerts(output);
    assertThat(alerts).hasSize(10);
    assertThat(alerts.values())
        .allSatisfy(
            alert -> {
              assertThat(alert.observedCents()).as(alert.alertId()).isEqualTo(6_000_000_000L);
              assertThat(alert.severity().wireName()).isEqualTo("high");
            });
  }

  @Test
  void shouldTraceRejectedFiguresToTheirLinesAndKeepThemInTheDeadLetterFile() throws Exception {
    String good =
        "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":\"2020-09\",\"valueUsd\":1}";
    String badPeriod =
        "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":\"2020-13\",\"valueUsd\":1}";
    String unknownCountry =
        "{\"exporter\":\"TUR\",\"importer\":\"XXX\",\"period\":\"2020-09\",\"valueUsd\":1}";
    Path input = write("mixed.jsonl", List.of(good, badPeriod, "not json", unknownCountry, good));
    Path deadLetters = dir.resolve("dead-letters.jsonl");

    CommandITSupport.Outcome outcome =
        CommandITSupport.execute(
            "backtest", "--input", input.toString(), "--dead-letters", deadLetters.toString());

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.err()).contains("malformed line 3: ");
    assertThat(outcome.out())
        .contains(
            "2 rejected",
            "  rejected: bad-period 1 (line 2), unknown-country 1 (line 4)\n",
            "dead letters written to " + deadLetters);
    List<JsonNode> letters = new ArrayList<>();
    for (String line : Files.readAllLines(deadLetters)) {
      letters.add(JSON.readTree(line));
    }
    assertThat(letters).hasSize(2);
    assertThat(letters.get(0).get("line").asLong()).isEqualTo(2);
    assertThat(letters.get(0).get("reason").asText()).isEqualTo("bad-period");
    assertThat(letters.get(0).get("field").asText()).isEqualTo("period");
    assertThat(letters.get(0).get("text").asText()).isEqualTo(badPeriod);
    assertThat(letters.get(1).get("line").asLong()).isEqualTo(4);
    assertThat(letters.get(1).get("reason").asText()).isEqualTo("unknown-country");
    assertThat(letters.get(1).get("text").asText()).isEqualTo(unknownCountry);
  }

  @Test
  void shouldKeepOldStampsOnEveryTopicOfAnIsolatedRun() throws Exception {
    Settings settings =
        KafkaTestSupport.isolatedSettings(
            broker.bootstrapServers(), dir.resolve("isolated-state"), Map.of());
    try (IsolatedRun run =
        IsolatedRun.start(settings, IsolatedRun.Options.onConfiguredCluster(), null)) {
      try (FigureProducer producer =
          new FigureProducer(
              run.clientProperties(),
              run.settings().topics().input(),
              0,
              RecordStamps.startingAt(Instant.parse("2013-01-01T00:00:00Z"), Clock.systemUTC()))) {
        producer.sendAll(DemoData.referenceCase());
      }
      run.awaitProcessed(KafkaTestSupport.DEADLINE);

      Map<String, Map<String, ConfigEntry>> topics = topicLevelConfigs(run.settings());
      assertThat(topics.keySet())
          .contains(
              run.settings().topics().input(),
              run.settings().topics().alerts(),
              run.settings().topics().deadLetter())
          .anyMatch(name -> name.endsWith("-repartition"))
          .anyMatch(name -> name.endsWith("-changelog"));
      // the embedded broker keeps everything anyway: only settings on the topic itself count
      assertThat(topics)
          .allSatisfy(
              (name, config) ->
                  assertThat(
                          "-1".equals(valueOf(config, TopicConfig.RETENTION_MS_CONFIG))
                              || String.valueOf(valueOf(config, TopicConfig.CLEANUP_POLICY_CONFIG))
                                  .equals(TopicConfig.CLEANUP_POLICY_COMPACT))
                      .as(name + " " + config.values())
                      .isTrue());
    }
  }

  private Map<String, Map<String, ConfigEntry>> topicLevelConfigs(Settings run) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      List<ConfigResource> resources =
          admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
              .filter(name -> name.startsWith(run.application().id()))
              .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
              .toList();
      Map<String, Map<String, ConfigEntry>> configs = new TreeMap<>();
      admin
          .describeConfigs(resources)
          .all()
          .get(30, TimeUnit.SECONDS)
          .forEach(
              (resource, config) -> {
                Map<String, ConfigEntry> own = new TreeMap<>();
                config.entries().stream()
                    .filter(e -> e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
                    .forEach(e -> own.put(e.name(), e));
                configs.put(resource.name(), own);
              });
      return configs;
    }
  }

  private static String valueOf(Map<String, ConfigEntry> config, String name) {
    ConfigEntry entry = config.get(name);
    return entry == null ? null : entry.value();
  }

  private static CommandITSupport.Outcome backtest(Path input, Path output) {
    return CommandITSupport.execute(
        "backtest", "--input", input.toString(), "--output", output.toString());
  }

  /**
   * For {@code flows} importers, a month of $120M and then its revision to $60M, both without a
   * publishedAt: the record timestamp decides which is newer.
   */
  private static List<String> revisionsWithoutPublishedAt(int flows) {
    String[] importers = {"AZE", "OMN", "USA", "DEU", "FRA", "GBR", "ITA", "ESP", "NLD", "BEL"};
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < flows; i++) {
      String figure =
          "{\"exporter\":\"NOR\",\"importer\":\""
              + importers[i % importers.length]
              + "\",\"period\":\"2020-0"
              + (1 + i / importers.length)
              + "\",\"valueUsd\":%d}";
      lines.add(String.format(figure, 120_000_000));
      lines.add(String.format(figure, 60_000_000));
    }
    return lines;
  }

  /**
   * A live run over the same lines: waits by offsets until everything is processed, then reads
   * every alert once.
   */
  private Map<String, Alert> liveRun(List<String> lines) throws Exception {
    Settings settings =
        KafkaTestSupport.isolatedSettings(
            broker.bootstrapServers(), dir.resolve("live-state"), Map.of());
    Properties client = ClusterPreparation.clientProperties(settings);
    Map<String, Alert> alerts = new ConcurrentHashMap<>();
    try (StreamsRuntime monitor =
            StreamsRuntime.startMonitor(settings, new SimpleMeterRegistry(), Clock.systemUTC());
        Admin admin = Admin.create(client);
        AlertTail tail =
            new AlertTail(
                client, settings.topics().alerts(), alert -> alerts.put(alert.alertId(), alert))) {
      KafkaTestSupport.produce(broker.bootstrapServers(), settings.topics().input(), lines);
      new CatchUp(
              admin,
              settings.application().id(),
              CatchUp.monitoredTopics(settings.application().id(), settings.topics().input()))
          .await(KafkaTestSupport.DEADLINE, remaining -> {}, monitor::failure);
      assertThat(
              tail.awaitPositions(
                  AlertTail.committedEnds(admin, settings.topics().alerts()),
                  KafkaTestSupport.DEADLINE))
          .isTrue();
    }
    return new TreeMap<>(alerts);
  }

  /** The latest value of every key, in key order (as backtest --output sorts by alert id). */
  private static List<String> latestValuesWithoutDetectedAt(
      List<ConsumerRecord<byte[], byte[]>> records) {
    Map<String, String> latest = new TreeMap<>();
    records.forEach(
        r -> {
          Schemas.alert(r.value()); // the live run's alerts match the published schema too
          latest.put(
              new String(r.key(), StandardCharsets.UTF_8),
              new String(r.value(), StandardCharsets.UTF_8));
        });
    return withoutDetectedAt(latest.values());
  }

  /**
   * The lines without detectedAt, and without the history of source-silent alerts: a source's
   * figures come from every input partition, so the order it sees them in, and with it its alert's
   * version, firstFiredAsOf and FIRING versus UPDATED, may differ between two runs (its current
   * state does not). Every other alert is compared byte for byte.
   */
  private static List<String> withoutHistoryOfSources(Collection<String> lines) {
    return withoutDetectedAt(lines).stream()
        .map(
            line ->
                line.contains("\"rule\":\"source-silent\"")
                    ? line.replaceFirst(",\"version\":\\d+", "")
                        .replaceFirst(",\"firstFiredAsOf\":\"[^\"]*\"", "")
                        .replaceFirst("\"status\":\"UPDATED\"", "\"status\":\"FIRING\"")
                    : line)
        .toList();
  }

  private static List<String> withoutDetectedAt(Collection<String> lines) {
    return lines.stream().map(line -> line.replaceFirst(",\"detectedAt\":\"[^\"]*\"", "")).toList();
  }

  private Path write(String name, List<String> lines) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  private static Map<String, Alert> readAlerts(Path file) throws IOException {
    Map<String, Alert> alerts = new TreeMap<>();
    Files.readAllLines(file)
        .forEach(
            line -> {
              Alert alert = AlertJson.fromBytes(line.getBytes(StandardCharsets.UTF_8));
              alerts.put(alert.alertId(), alert);
            });
    return alerts;
  }
}
