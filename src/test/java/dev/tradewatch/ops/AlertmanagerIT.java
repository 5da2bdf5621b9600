package dev.tradewatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradewatch.broker.EmbeddedKafkaBroker;
import dev.tradewatch.config.Settings;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.http.ServedMonitor;
import dev.tradewatch.isolated.AlertTail;
import dev.tradewatch.lifecycle.ClusterPreparation;
import dev.tradewatch.stream.AlertJson;
import dev.tradewatch.testing.KafkaTestSupport;
import dev.tradewatch.testing.Schemas;
import io.micrometer.core.instrument.Counter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run}'s Alertmanager bridge against a real Alertmanager (Debian's {@code
 * prometheus-alertmanager}): the reference case's alerts arrive with the contract's labels, a
 * resolved alert ends, a silence made through Alertmanager's API hides an alert, Alertmanager
 * stopped for a while loses nothing, and an alert from an aborted transaction is never posted. The
 * tests run in order on one monitor, each building on what the earlier ones left.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertmanagerIT {

  private static final String AZE_THRESHOLD =
      "TUR-AZE-defence-aerospace-TUR-month-threshold-2020-09";
  private static final String USA_THRESHOLD =
      "TUR-USA-defence-aerospace-TUR-month-threshold-2020-09";
  private static final String OMN_THRESHOLD =
      "TUR-OMN-defence-aerospace-TUR-month-threshold-2020-09";
  private static final String GEO_THRESHOLD =
      "TUR-GEO-defence-aerospace-TUR-month-threshold-2020-09";

  @TempDir static Path dir;

  private static AlertmanagerProcess alertmanager;
  private static EmbeddedKafkaBroker broker;
  private static Settings settings;
  private static ServedMonitor monitor;
  private static AlertTail tail;
  private static final Map<String, Alert> onTopic = new ConcurrentHashMap<>();
  private static final Queue<String> schemaErrors = new ConcurrentLinkedQueue<>();

  @BeforeAll
  static void start() throws Exception {
    alertmanager = AlertmanagerProcess.start(dir.resolve("alertmanager"));
    broker = EmbeddedKafkaBroker.start(0, null);
    settings =
        KafkaTestSupport.isolatedSettings(
            broker.bootstrapServers(),
            dir.resolve("state"),
            Map.of(
                "tradewatch.http.port", "0",
                "tradewatch.http.bind-address", "127.0.0.1",
                "tradewatch.http.advertised-host", "127.0.0.1",
                "tradewatch.alertmanager.url", alertmanager.url(),
                // a restarted Alertmanager is whole again within 30 s; a post stays valid for
                // 2 minutes, longer than the test waits, so a missing resolution shows
                "tradewatch.alertmanager.resend-seconds", "30"));
    monitor = ServedMonitor.start(settings, Clock.systemUTC());
    tail =
        new AlertTail(
            ClusterPreparation.clientProperties(settings),
            settings.topics().alerts(),
            alert -> {
              schemaErrors.addAll(Schemas.alertErrors(AlertJson.toNode(alert)));
              onTopic.put(alert.alertId(), alert);
            });
    try (InputStream in = AlertmanagerIT.class.getResourceAsStream("/seed-case.jsonl")) {
      produce(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (tail != null) {
      tail.close();
    }
    if (monitor != null) {
      monitor.close();
    }
    if (broker != null) {
      broker.close();
    }
    if (alertmanager != null) {
      alertmanager.close();
    }
  }

  @AfterEach
  void everyAlertOnTheTopicMatchesThePublishedSchema() {
    assertThat(schemaErrors).isEmpty();
  }

  @Test
  @Order(1)
  void theActiveAlertsArriveWithTheContractsLabels() throws Exception {
    assertThat(KafkaTestSupport.eventually(() -> activeOnTopic().size() == 6)).isTrue();
    assertThat(KafkaTestSupport.eventually(() -> inAlertmanager().equals(activeOnTopic())))
        .as("Alertmanager holds what the topic has active")
        .isTrue();

    JsonNode posted =
        alertmanager.tradeAlerts(true).stream()
            .filter(alert -> alert.at("/labels/alertId").asText().equals(AZE_THRESHOLD))
            .findFirst()
            .orElseThrow();
    assertThat(posted.get("labels").properties())
        .extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder(
            "alertname",
            "rule",
            "severity",
            "exporter",
            "importer",
            "category",
            "reporter",
            "period",
            "alertId");
    assertThat(posted.at("/labels/alertname").asText()).isEqualTo("TradeAnomaly");
    assertThat(posted.at("/labels/rule").asText()).isEqualTo("month-threshold");
    assertThat(posted.at("/labels/severity").asText()).isEqualTo("high");
    assertThat(posted.at("/labels/category").asText()).isEqualTo("defence-aerospace");
    assertThat(posted.at("/labels/period").asText()).isEqualTo("2020-09");
    Alert alert = onTopic.get(AZE_THRESHOLD);
    assertThat(posted.at("/annotations/summary").asText()).isEqualTo(alert.message());
    assertThat(posted.at("/annotations/method").asText()).isEqualTo(alert.method());
    assertThat(posted.at("/annotations/asOf").asText()).isEqualTo("2020-10-02T00:00:00Z");
    assertThat(posted.path("generatorURL").asText()).contains("/api/alerts?rule=month-threshold");
  }

  @Test
  @Order(2)
  void aResolvedAlertEnds() {
    produce(List.of(figure("USA", "2020-09", 1_000_000, "2020-10-20T00:00:00Z")));

    assertThat(
            KafkaTestSupport.eventually(
                () -> onTopic.get(USA_THRESHOLD).status().name().equals("RESOLVED")))
        .isTrue();
    assertThat(KafkaTestSupport.eventually(() -> !inAlertmanager().contains(USA_THRESHOLD)))
        .isTrue();
    assertThat(inAlertmanager()).isEqualTo(activeOnTopic());
  }

  @Test
  @Order(3)
  void aSilenceMadeInAlertmanagerHidesATradeAlert() throws Exception {
    String silence = alertmanager.silence("alertId", OMN_THRESHOLD);

    assertThat(
            KafkaTestSupport.eventually(
                () -> !alertmanager.tradeAlertIds(false).contains(OMN_THRESHOLD)))
        .isTrue();
    JsonNode silenced =
        alertmanager.tradeAlerts(true).stream()
            .filter(alert -> alert.at("/labels/alertId").asText().equals(OMN_THRESHOLD))
            .findFirst()
            .orElseThrow();
    assertThat(silenced.at("/status/state").asText()).isEqualTo("suppressed");
    assertThat(silenced.at("/status/silencedBy/0").asText()).isEqualTo(silence);
    assertThat(alertmanager.tradeAlertIds(false)).contains(AZE_THRESHOLD);
  }

  @Test
  @Order(4)
  void nothingIsLostWhileAlertmanagerIsDown() throws Exception {
    alertmanager.stop();
    double failedBefore = failedPosts();
    // one alert fires and one resolves while Alertmanager cannot be told
    produce(
        List.of(
            figure("GEO", "2020-09", 60_000_000, "2020-10-21T00:00:00Z"),
            figure("AZE", "2020-09", 49_000_000, "2020-10-21T00:00:00Z")));
    assertThat(
            KafkaTestSupport.eventually(
                () ->
                    onTopic.containsKey(GEO_THRESHOLD)
                        && onTopic.get(AZE_THRESHOLD).status().name().equals("RESOLVED")))
        .isTrue();
    assertThat(KafkaTestSupport.eventually(() -> failedPosts() > failedBefore))
        .as("failed posts are counted")
        .isTrue();
    assertThat(monitor.endpoint().registry().get("tradewatch.alertmanager.alerts.pending").gauge())
        .satisfies(gauge -> assertThat(gauge.value()).isPositive());

    alertmanager.start(); // a new process: it knows nothing but what is sent again

    assertThat(KafkaTestSupport.eventually(() -> inAlertmanager().equals(activeOnTopic())))
        .as("after the outage Alertmanager holds what the topic has active")
        .isTrue();
    assertThat(inAlertmanager()).contains(GEO_THRESHOLD).doesNotContain(AZE_THRESHOLD);
  }

  @Test
  @Order(5)
  void anAlertFromAnAbortedTransactionIsNeverPosted() throws Exception {
    Alert model = onTopic.get(GEO_THRESHOLD);
    Properties props = ClusterPreparation.clientProperties(settings);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "alertmanager-it-" + Instant.now());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      // on the log before the abort (an abort drops records not sent yet)
      producer.send(record(model, "TUR-XXA-aborted-month-threshold-2020-09")).get();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(record(model, "TUR-XXB-committed-month-threshold-2020-09"));
      producer.commitTransaction();
    }

    assertThat(
            KafkaTestSupport.eventually(
                () -> inAlertmanager().contains("TUR-XXB-committed-month-threshold-2020-09")))
        .isTrue();
    assertThat(inAlertmanager()).doesNotContain("TUR-XXA-aborted-month-threshold-2020-09");
  }

  private static ProducerRecord<String, String> record(Alert model, String alertId) {
    String json = AlertJson.toNode(model).put("alertId", alertId).toString();
    // one partition for both: the committed record lies after the aborted one
    return new ProducerRecord<>(settings.topics().alerts(), 0, alertId, json);
  }

  private static double failedPosts() {
    Counter failed =
        monitor
            .endpoint()
            .registry()
            .find("tradewatch.alertmanager.posts")
            .tag("outcome", "failed")
            .counter();
    return failed == null ? 0 : failed.count();
  }

  private static List<String> activeOnTopic() {
    return onTopic.values().stream()
        .filter(alert -> alert.status().isActive())
        .map(Alert::alertId)
        .sorted()
        .toList();
  }

  private static List<String> inAlertmanager() {
    return alertmanager.tradeAlertIds(true);
  }

  private static String figure(String importer, String period, long value, String publishedAt) {
    return "{\"exporter\":\"TUR\",\"importer\":\""
        + importer
        + "\",\"period\":\""
        + period
        + "\",\"basis\":\"month\",\"valueUsd\":"
        + value
        + ",\"category\":\"defence-aerospace\",\"source\":\"TIM\",\"publishedAt\":\""
        + publishedAt
        + "\"}";
  }

  private static void produce(List<String> figures) {
    KafkaTestSupport.produce(broker.bootstrapServers(), settings.topics().input(), figures);
  }
}
