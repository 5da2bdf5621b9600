package dev.tradewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.config.Settings;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.lifecycle.StreamsRuntime;
import dev.tradewatch.testing.BrokerPerClass;
import dev.tradewatch.testing.KafkaTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay} into a running {@code run}: the reference case's alerts, read back with
 * read_committed.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hung broker or client fails the test, not CI
class ReplayCommandIT extends BrokerPerClass {

  private static final String AZE = "TUR-AZE-defence-aerospace-TUR-";
  @TempDir Path dir;

  @Test
  void shouldRaiseTheReferenceAlertsWhenTheSeedCaseIsReplayedIntoARunningMonitor()
      throws Exception {
    Settings settings =
        KafkaTestSupport.isolatedSettings(
            broker.bootstrapServers(), dir.resolve("state"), Map.of());
    Path seed = dir.resolve("seed-case.jsonl");
    Files.write(seed, dev.tradewatch.demo.DemoData.referenceCase());

    try (StreamsRuntime monitor =
        StreamsRuntime.startMonitor(settings, new SimpleMeterRegistry(), Clock.systemUTC())) {
      CommandITSupport.Outcome replay =
          CommandITSupport.execute(
              "replay",
              "--input",
              seed.toString(),
              "--bootstrap-servers",
              broker.bootstrapServers(),
              "--topic",
              settings.topics().input(),
              "--rate",
              "100");

      assertThat(replay.exitCode()).as(replay.err()).isZero();
      assertThat(replay.out())
          .startsWith(
              "Replayed 7 figures from " + seed + " (jsonl) into " + settings.topics().input());
      List<ConsumerRecord<byte[], byte[]>> records =
          KafkaTestSupport.readCommittedUntil(
              broker.bootstrapServers(),
              settings.topics().alerts(),
              read -> KafkaTestSupport.latestAlerts(read).size() == 6);
      Map<String, Alert> alerts = KafkaTestSupport.latestAlerts(records);
      assertThat(alerts)
          .containsOnlyKeys(
              Set.of(
                  AZE + "month-spike-2020-08",
                  AZE + "month-threshold-2020-09",
                  AZE + "ytd-ratio-2020-09",
                  AZE + "month-spike-2020-09",
                  "TUR-OMN-defence-aerospace-TUR-month-threshold-2020-09",
                  "TUR-USA-defence-aerospace-TUR-month-threshold-2020-09"));
    }
  }

  @Test
  void shouldStampReplayedFiguresWithTheCurrentTimeSoThat2013FiguresSurviveRetention()
      throws Exception {
    Settings settings =
        KafkaTestSupport.isolatedSettings(
            broker.bootstrapServers(), dir.resolve("state"), Map.of());
    Path old = dir.resolve("old.jsonl");
    Files.writeString(
        old,
        "{\"exporter\":\"DEU\",\"importer\":\"FRA\",\"period\":\"2013-01\",\"valueUsd\":1000}\n");
    Instant before = Instant.now();
    try (StreamsRuntime monitor =
        StreamsRuntime.startMonitor(settings, new SimpleMeterRegistry(), Clock.systemUTC())) {
      assertThat(
              CommandITSupport.execute(
                      "replay",
                      "--input",
                      old.toString(),
                      "--bootstrap-servers",
                      broker.bootstrapServers(),
                      "--topic",
                      settings.topics().input())
                  .exitCode())
          .isZero();
    }

    List<ConsumerRecord<byte[], byte[]>> records =
        KafkaTestSupport.readCommittedUntil(
            broker.bootstrapServers(), settings.topics().input(), read -> !read.isEmpty());

    assertThat(records)
        .singleElement()
        .satisfies(r -> assertThat(r.timestamp()).isGreaterThanOrEqualTo(before.toEpochMilli()));
    assertThat(retentionOf(settings.topics().input())).isEqualTo("-1");
  }

  @Test
  void shouldReportMalformedLinesWithTheirNumberAndFailWithStrict() throws Exception {
    Path file = dir.resolve("mixed.jsonl");
    Files.writeString(
        file,
        "{\"exporter\":\"DEU\",\"importer\":\"FRA\",\"period\":\"2020-01\",\"valueUsd\":1}\nnot json\n");
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin
          .createTopics(List.of(new NewTopic("malformed-test", 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }

    CommandITSupport.Outcome lenient =
        CommandITSupport.execute(
            "replay",
            "--input",
            file.toString(),
            "--bootstrap-servers",
            broker.bootstrapServers(),
            "--topic",
            "malformed-test");
    CommandITSupport.Outcome strict =
        CommandITSupport.execute(
            "replay",
            "--input",
            file.toString(),
            "--strict",
            "--bootstrap-servers",
            broker.bootstrapServers(),
            "--topic",
            "malformed-test");

    assertThat(lenient.exitCode()).isZero();
    assertThat(lenient.err()).contains("line 2");
    assertThat(lenient.out()).contains("1 malformed");
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.err()).startsWith("tradewatch: line 2");
    // the strict run checked the whole file first: line 1 was not produced again
    assertThat(endOffset("malformed-test")).isEqualTo(1);
  }

  @Test
  void shouldKeyReplayedRecordsByFlowAndStampLinesWithoutPublishedAtInFileOrder() throws Exception {
    Path file = dir.resolve("flows.jsonl");
    Files.writeString(
        file,
        """
        {"exporter":"TUR","importer":"AZE","period":"2020-08","valueUsd":1,"category":"defence-aerospace"}
        {"exporter":"TUR","importer":"AZE","period":"2020-08","valueUsd":2,"category":" defence-aerospace"}
        {"exporter":"DEU","importer":"FRA","period":"2020-08","valueUsd":3}
        {"exporter":"DEU","importer":"FRA","period":"2020-08","valueUsd":4,"publishedAt":"2020-09-01T00:00:00Z"}
        {"exporter":"DEU","importer":"FRA","period":"2020-08","valueUsd":5}
        """);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin
          .createTopics(List.of(new NewTopic("keyed-test", 4, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }

    CommandITSupport.Outcome outcome =
        CommandITSupport.execute(
            "replay",
            "--input",
            file.toString(),
            "--bootstrap-servers",
            broker.bootstrapServers(),
            "--topic",
            "keyed-test");

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    List<ConsumerRecord<byte[], byte[]>> records =
        KafkaTestSupport.readCommittedUntil(
            broker.bootstrapServers(), "keyed-test", read -> read.size() == 5);
    Map<String, List<ConsumerRecord<byte[], byte[]>>> byKey =
        records.stream()
            .collect(
                Collectors.groupingBy(
                    r -> new String(r.key(), StandardCharsets.UTF_8),
                    TreeMap::new,
                    Collectors.toList()));
    assertThat(byKey).containsOnlyKeys("DEU-FRA-total", "TUR-AZE-defence-aerospace");
    assertThat(byKey.get("TUR-AZE-defence-aerospace"))
        .extracting(r -> valueUsd(r))
        .containsExactly(1, 2);
    assertThat(byKey.get("TUR-AZE-defence-aerospace"))
        .extracting(ConsumerRecord::partition)
        .containsOnly(byKey.get("TUR-AZE-defence-aerospace").get(0).partition());
    List<ConsumerRecord<byte[], byte[]>> deuFra = byKey.get("DEU-FRA-total");
    assertThat(deuFra).extracting(r -> valueUsd(r)).containsExactly(3, 4, 5);
    assertThat(deuFra.get(2).timestamp()).isGreaterThan(deuFra.get(0).timestamp());
    assertThat(records.stream().mapToLong(ConsumerRecord::timestamp).distinct().count())
        .isGreaterThanOrEqualTo(4);
  }

  private static int valueUsd(ConsumerRecord<byte[], byte[]> record) {
    String value = new String(record.value(), StandardCharsets.UTF_8);
    return Integer.parseInt(value.replaceAll(".*\"valueUsd\":(\\d+).*", "$1"));
  }

  private static long endOffset(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      TopicPartition partition = new TopicPartition(topic, 0);
      return admin
          .listOffsets(Map.of(partition, OffsetSpec.latest()))
          .partitionResult(partition)
          .get(30, TimeUnit.SECONDS)
          .offset();
    }
  }

  @Test
  void shouldReplayAComtradeFileAsMonthlyAnnualAndMirrorFigures() throws Exception {
    Settings settings =
        KafkaTestSupport.isolatedSettings(
            broker.bootstrapServers(), dir.resolve("state"), Map.of());
    Path comtrade = dir.resolve("comtrade.csv");
    try (var in = getClass().getResourceAsStream("/comtrade-turkey-azerbaijan.csv")) {
      Files.copy(in, comtrade);
    }
    try (StreamsRuntime monitor =
        StreamsRuntime.startMonitor(settings, new SimpleMeterRegistry(), Clock.systemUTC())) {
      CommandITSupport.Outcome outcome =
          CommandITSupport.execute(
              "replay",
              "--input",
              comtrade.toString(),
              "--bootstrap-servers",
              broker.bootstrapServers(),
              "--topic",
              settings.topics().input());

      assertThat(outcome.exitCode()).as(outcome.err()).isZero();
      assertThat(outcome.out()).contains("Replayed 7 figures", "(comtrade)", "1 skipped");
      Map<String, Alert> alerts =
          KafkaTestSupport.latestAlerts(
              KafkaTestSupport.readCommittedUntil(
                  broker.bootstrapServers(),
                  settings.topics().alerts(),
                  read -> KafkaTestSupport.latestAlerts(read).size() == 4));
      assertThat(alerts)
          .containsOnlyKeys(
              "TUR-AZE-93-TUR-month-spike-2020-08",
              "TUR-AZE-93-TUR-month-threshold-2020-09",
              "TUR-AZE-93-AZE-month-threshold-2020-09",
              "TUR-AZE-total-TUR-ytd-ratio-2020-12");
    }
  }

  @Test
  void shouldFailInOneLineWhenTheTopicDoesNotExist() throws Exception {
    Path file = dir.resolve("one.jsonl");
    Files.writeString(file, "{}\n");

    CommandITSupport.Outcome outcome =
        CommandITSupport.execute(
            "replay",
            "--input",
            file.toString(),
            "--bootstrap-servers",
            broker.bootstrapServers(),
            "--topic",
            "no-such-topic");

    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.err())
        .startsWith("tradewatch: topic no-such-topic does not exist")
        .hasLineCount(1);
  }

  private static String retentionOf(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config config =
          admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
      return config.get("retention.ms").value();
    }
  }
}
