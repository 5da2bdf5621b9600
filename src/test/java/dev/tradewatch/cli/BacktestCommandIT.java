package dev.tradewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.config.Settings;
import dev.tradewatch.demo.DemoData;
import dev.tradewatch.demo.SyntheticFeed;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.isolated.AlertTail;
import dev.tradewatch.isolated.CatchUp;
import dev.tradewatch.lifecycle.ClusterPreparation;
import dev.tradewatch.lifecycle.StreamsRuntime;
import dev.tradewatch.stream.AlertJson;
import dev.tradewatch.testing.BrokerPerClass;
import dev.tradewatch.testing.KafkaTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backtest} on its own embedded broker, checked against the contract and against a live run.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hung broker or client fails the test, not CI
class BacktestCommandIT extends BrokerPerClass {

  private static final String AZE = "TUR-AZE-defence-aerospace-TUR-";
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
                    "backtest", "--input", input.toString(), "--output", output.toString())
                .exitCode())
        .isZero();

    List<String> shuffled = new ArrayList<>(lines);
    Collections.shuffle(shuffled, new Random(42));
    Map<String, Alert> live = liveRun(shuffled);

    Map<String, String> backtestState = KafkaTestSupport.currentState(readAlerts(output));
    assertThat(backtestState).hasSizeGreaterThan(10);
    assertThat(KafkaTestSupport.currentState(live)).isEqualTo(backtestState);
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
        r ->
            latest.put(
                new String(r.key(), StandardCharsets.UTF_8),
                new String(r.value(), StandardCharsets.UTF_8)));
    return withoutDetectedAt(latest.values());
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
