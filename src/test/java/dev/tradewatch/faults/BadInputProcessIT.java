package dev.tradewatch.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.broker.EmbeddedKafkaBroker;
import dev.tradewatch.config.Settings;
import dev.tradewatch.http.HttpEndpoint;
import dev.tradewatch.isolated.CatchUp;
import dev.tradewatch.lifecycle.ClusterPreparation;
import dev.tradewatch.lifecycle.StreamsRuntime;
import dev.tradewatch.metrics.PipelineMetrics;
import dev.tradewatch.stream.DeadLetterHeaders;
import dev.tradewatch.stream.MalformedRecords;
import dev.tradewatch.testing.KafkaTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz of {@code BadInputFuzzProperties}, against a running monitor on a real broker: 3,000
 * generated records, about half of them malformed. Accepted + dead-lettered = produced, every dead
 * letter says why, /health stays 200 and the monitor never stops.
 */
// a hung broker or client fails the test, not CI; the steps' own deadlines add up to less
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class BadInputProcessIT {

  private static final int RECORDS = 3_000;

  @TempDir Path dir;

  @Test
  void shouldDeadLetterEveryMalformedRecordAndStayHealthy() throws Exception {
    List<byte[]> records =
        MalformedRecords.mixedWithFigures().sampleStream().limit(RECORDS).toList();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null)) {
      Settings settings =
          KafkaTestSupport.isolatedSettings(
              broker.bootstrapServers(),
              dir.resolve("state"),
              Map.of(
                  "tradewatch.http.port",
                  "0",
                  "tradewatch.http.bind-address",
                  "127.0.0.1",
                  "tradewatch.http.advertised-host",
                  "127.0.0.1"));
      try (HttpEndpoint web = HttpEndpoint.start(settings);
          StreamsRuntime monitor =
              StreamsRuntime.startMonitor(
                  settings, web.registry(), Clock.systemUTC(), web.advertisedServer());
          KafkaProducer<byte[], byte[]> producer =
              new KafkaProducer<>(
                  Map.of(
                      "bootstrap.servers",
                      broker.bootstrapServers(),
                      "max.request.size",
                      2_000_000,
                      "delivery.timeout.ms",
                      (int) KafkaTestSupport.DELIVERY_TIMEOUT.toMillis()),
                  new ByteArraySerializer(),
                  new ByteArraySerializer());
          Admin admin = Admin.create(ClusterPreparation.clientProperties(settings))) {
        web.attach(monitor);
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        records.forEach(
            value ->
                sent.add(producer.send(new ProducerRecord<>(settings.topics().input(), value))));
        producer.flush();
        for (Future<RecordMetadata> delivery : sent) {
          delivery.get(); // every record is on the topic: none can go missing before tradewatch
        }
        new CatchUp(
                admin,
                settings.application().id(),
                CatchUp.monitoredTopics(settings.application().id(), settings.topics().input()))
            .await(Duration.ofMinutes(3), remaining -> {}, monitor::failure);

        long accepted =
            Math.round(
                web.registry().find(PipelineMetrics.FIGURES).counters().stream()
                    .filter(c -> !"rejected".equals(c.getId().getTag("outcome")))
                    .mapToDouble(c -> c.count())
                    .sum());
        List<ConsumerRecord<byte[], byte[]>> letters =
            KafkaTestSupport.readCommittedUntil(
                broker.bootstrapServers(),
                settings.topics().deadLetter(),
                read -> read.size() + accepted >= RECORDS);

        assertThat(accepted + letters.size()).isEqualTo(RECORDS);
        assertThat(letters)
            .hasSizeGreaterThan(RECORDS / 4)
            .allSatisfy(
                letter ->
                    assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.REASON))
                        .isNotBlank());
        assertThat(monitor.failure()).isNull();
        HttpResponse<String> health =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/health"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
      }
    }
  }
}
