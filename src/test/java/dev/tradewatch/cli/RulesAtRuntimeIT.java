package dev.tradewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradewatch.broker.EmbeddedKafkaBroker;
import dev.tradewatch.config.Settings;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.lifecycle.ClusterPreparation;
import dev.tradewatch.testing.ChildProcesses;
import dev.tradewatch.testing.KafkaTestSupport;
import dev.tradewatch.testing.MonitorProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules changed at runtime, end to end: {@code run} in its own JVM, the reference case in, then
 * records written to the rules topic with a plain Kafka producer, as any client could. The alert
 * resolves within a minute without a restart; a bad record leaves {@code /health} at 200 and the
 * last good value in force; a change made while the monitor is down applies once it is back.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class RulesAtRuntimeIT {

  private static final String THRESHOLD = "tradewatch.rules.month-threshold.threshold-usd";
  private static final String SEPTEMBER = "TUR-AZE-defence-aerospace-TUR-month-threshold-2020-09";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final ChildProcesses children = new ChildProcesses();

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldApplyRulesTopicRecordsWithoutARestart() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null)) {
      Settings settings =
          KafkaTestSupport.isolatedSettings(
              broker.bootstrapServers(), dir.resolve("state"), Map.of());
      ClusterPreparation.prepare(settings);
      int port = freePort();
      MonitorProcess run =
          new MonitorProcess(runArgs(settings, port), dir.resolve("run.log"), children);
      run.start();
      KafkaTestSupport.produce(
          broker.bootstrapServers(), settings.topics().input(), seedCaseLines());
      assertThat(alertUntil(settings, alert -> alert.status().isActive()).status().isActive())
          .as("the reference case fires; log in %s", dir.resolve("run.log"))
          .isTrue();

      long written = System.nanoTime();
      writeRule(settings, THRESHOLD, "100000000");
      Alert resolved = alertUntil(settings, alert -> alert.status() == AlertStatus.RESOLVED);
      Duration took = Duration.ofNanos(System.nanoTime() - written);
      assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
      assertThat(took).isLessThan(Duration.ofMinutes(1));
      System.out.printf(
          "RulesAtRuntimeIT: the alert resolved %d ms after the rules record%n", took.toMillis());

      writeRule(settings, THRESHOLD, "a hundred million");
      String rejected = "tradewatch_rule_updates_total{outcome=\"rejected\"} 1.0";
      assertThat(KafkaTestSupport.eventually(() -> get(port, "/metrics").body().contains(rejected)))
          .as("the bad record is counted; log in %s", dir.resolve("run.log"))
          .isTrue();
      HttpResponse<String> health = get(port, "/health");
      assertThat(health.statusCode()).isEqualTo(200);
      JsonNode rules = JSON.readTree(health.body()).path("rules");
      assertThat(rules.path("reevaluating").asBoolean(true)).isFalse();
      assertThat(rules.path("fingerprint").asText()).isNotEmpty();
      JsonNode september = apiAlert(port);
      assertThat(september.path("status").asText())
          .as("the last good value, 100M, stays in force")
          .isEqualTo("RESOLVED");

      assertThat(run.stop()).isZero();
      writeRule(settings, THRESHOLD, "70000000"); // while the monitor is down
      run.start();
      Alert again = alertUntil(settings, alert -> alert.status() == AlertStatus.FIRING);
      assertThat(again.baselineCents())
          .as(
              "the change made while down applies after the restart; log in %s",
              dir.resolve("run.log"))
          .isEqualTo(70_000_000_00L);
      assertThat(run.stop()).isZero();
    }
  }

  /** The latest state of the September threshold alert once {@code wanted} holds for it. */
  private static Alert alertUntil(Settings settings, Predicate<Alert> wanted) {
    Map<String, Alert> latest =
        KafkaTestSupport.latestAlerts(
            KafkaTestSupport.readCommittedUntil(
                settings.cluster().bootstrapServers(),
                settings.topics().alerts(),
                read -> {
                  Alert alert = KafkaTestSupport.latestAlerts(read).get(SEPTEMBER);
                  return alert != null && wanted.test(alert);
                }));
    assertThat(latest).containsKey(SEPTEMBER);
    return latest.get(SEPTEMBER);
  }

  /** Writes one rules-topic record the way any Kafka client would; a null value is a tombstone. */
  private static void writeRule(Settings settings, String key, String value) throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                settings.cluster().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(settings.topics().rules(), key, value)).get();
    }
  }

  private JsonNode apiAlert(int port) throws Exception {
    JsonNode alerts = JSON.readTree(get(port, "/api/alerts?exporter=TUR&importer=AZE").body());
    for (JsonNode alert : alerts) {
      if (alert.path("alertId").asText().equals(SEPTEMBER)) {
        return alert;
      }
    }
    throw new AssertionError("no " + SEPTEMBER + " in " + alerts);
  }

  private HttpResponse<String> get(int port, String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(10))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static List<String> seedCaseLines() throws IOException {
    try (InputStream in = RulesAtRuntimeIT.class.getResourceAsStream("/seed-case.jsonl")) {
      return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
          .filter(line -> !line.isBlank())
          .toList();
    }
  }

  private static List<String> runArgs(Settings settings, int port) {
    return List.of(
        "--bootstrap-servers",
        settings.cluster().bootstrapServers(),
        "--application-id",
        settings.application().id(),
        "--state-dir",
        settings.application().stateDir().toString(),
        "--http-port",
        Integer.toString(port),
        "--set",
        "tradewatch.http.bind-address=127.0.0.1",
        "--set",
        "tradewatch.http.advertised-host=127.0.0.1",
        "--set",
        "tradewatch.topics.input=" + settings.topics().input(),
        "--set",
        "tradewatch.topics.alerts=" + settings.topics().alerts(),
        "--set",
        "tradewatch.topics.dead-letter=" + settings.topics().deadLetter(),
        "--set",
        "tradewatch.topics.rules=" + settings.topics().rules(),
        "--set",
        "tradewatch.topics.replication-factor=1",
        "--set",
        KafkaTestSupport.SOURCES_AS_OF_KEY + "=" + KafkaTestSupport.SOURCES_AS_OF);
  }
}
