package dev.tradewatch.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewatch.config.Settings;
import dev.tradewatch.stream.AlertJson;
import dev.tradewatch.stream.DeadLetterHeaders;
import dev.tradewatch.testing.BrokerPerClass;
import dev.tradewatch.testing.KafkaTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} against a real broker: the reference case in, its alerts out, read with
 * read_committed.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hung broker or client fails the test, not CI
class MonitorRunIT extends BrokerPerClass {

  private static final String AZE = "TUR-AZE-defence-aerospace-TUR-";
  static final Set<String> REFERENCE_ALERTS =
      Set.of(
          AZE + "month-spike-2020-08",
          AZE + "month-threshold-2020-09",
          AZE + "ytd-ratio-2020-09",
          AZE + "month-spike-2020-09",
          "TUR-OMN-defence-aerospace-TUR-month-threshold-2020-09",
          "TUR-USA-defence-aerospace-TUR-month-threshold-2020-09");

  @TempDir Path stateDir;

  @Test
  void shouldPublishTheReferenceCaseAlertsExactlyOnce() throws Exception {
    Settings settings = settings(Map.of());
    try (StreamsRuntime monitor =
        StreamsRuntime.startMonitor(settings, new SimpleMeterRegistry(), Clock.systemUTC())) {
      assertThat(KafkaTestSupport.eventually(monitor::isRunning)).isTrue();
      KafkaTestSupport.produce(broker.bootstrapServers(), settings.topics().input(), seedCase());

      List<ConsumerRecord<byte[], byte[]>> records =
          KafkaTestSupport.readCommittedUntil(
              broker.bootstrapServers(),
              settings.topics().alerts(),
              read -> KafkaTestSupport.latestAlerts(read).keySet().equals(REFERENCE_ALERTS));

      assertThat(KafkaTestSupport.latestAlerts(records)).containsOnlyKeys(REFERENCE_ALERTS);
      assertThat(KafkaTestSupport.latestAlerts(records).values())
          .allMatch(alert -> alert.status().isActive());
      Set<String> versions = new HashSet<>();
      records.forEach(
          r ->
              assertThat(
                      versions.add(
                          new String(r.key(), StandardCharsets.UTF_8)
                              + "#"
                              + AlertJson.fromBytes(r.value()).version()))
                  .as("duplicate alert version")
                  .isTrue());
    }
  }

  @Test
  void shouldDeadLetterARecordTooLargeForTheDeadLetterTopicAndCarryOn() throws Exception {
    Settings settings = settings(Map.of());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(settings.topics().deadLetter(), 1, (short) 1)
                      .configs(Map.of("max.message.bytes", "200000"))))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    try (StreamsRuntime monitor =
        StreamsRuntime.startMonitor(settings, new SimpleMeterRegistry(), Clock.systemUTC())) {
      String huge =
          "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"source\":\"" + "x".repeat(900_000) + "\"}";
      KafkaTestSupport.produce(
          broker.bootstrapServers(),
          settings.topics().input(),
          List.of(
              huge,
              "{\"exporter\":\"TUR\",\"importer\":\"OMN\",\"period\":\"2020-09\",\"valueUsd\":63000000}"));

      List<ConsumerRecord<byte[], byte[]>> letters =
          KafkaTestSupport.readCommittedUntil(
              broker.bootstrapServers(), settings.topics().deadLetter(), read -> !read.isEmpty());
      List<ConsumerRecord<byte[], byte[]>> alerts =
          KafkaTestSupport.readCommittedUntil(
              broker.bootstrapServers(), settings.topics().alerts(), read -> !read.isEmpty());

      assertThat(letters)
          .singleElement()
          .satisfies(
              letter -> {
                assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.REASON))
                    .isEqualTo("oversized");
                assertThat(
                        DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.TRUNCATED_FROM))
                    .isEqualTo(Integer.toString(huge.length()));
                assertThat(letter.value()).hasSize(200_000 - 16 * 1024);
              });
      assertThat(alerts).hasSize(1);
      assertThat(monitor.isRunning()).isTrue();
    }
  }

  @Test
  void shouldRefuseToStartWhenTheInputTopicIsMissingAndCreationIsOff() {
    Settings settings = settings(Map.of("tradewatch.topics.create", "false"));

    assertThatThrownBy(
            () ->
                StreamsRuntime.startMonitor(settings, new SimpleMeterRegistry(), Clock.systemUTC()))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("does not exist and tradewatch.topics.create is false");
  }

  private Settings settings(Map<String, String> extra) {
    return KafkaTestSupport.isolatedSettings(broker.bootstrapServers(), stateDir, extra);
  }

  static List<String> seedCase() throws IOException {
    try (InputStream in = MonitorRunIT.class.getResourceAsStream("/seed-case.jsonl")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank())
          .toList();
    }
  }
}
