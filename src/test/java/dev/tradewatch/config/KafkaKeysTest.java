package dev.tradewatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaKeysTest {

  @Test
  void shouldNameKeysNoKafkaClientDefines() {
    Settings settings =
        SettingsLoader.load(
            null,
            Map.of("TRADEWATCH_KAFKA_SASL_MECHANISMS", "SCRAM-SHA-512"),
            Map.of(
                "kafka.nonsense.setting", "1",
                "kafka.ssl.truststore.locaton", "/etc/truststore.p12",
                "kafka.producer.nonsense", "1",
                "kafka.topic.linger.ms", "5"));

    assertThat(KafkaKeys.unknown(settings.cluster().clientOverrides()))
        .containsExactly(
            "kafka.nonsense.setting",
            "kafka.producer.nonsense",
            "kafka.sasl.mechanisms",
            "kafka.ssl.truststore.locaton",
            "kafka.topic.linger.ms");
  }

  @Test
  void shouldAcceptEverySettingOfStreamsProducerConsumerAndAdminAlsoWithStreamsPrefixes() {
    Map<String, String> kafka =
        Map.ofEntries(
            Map.entry("num.stream.threads", "2"), // Streams
            Map.entry("linger.ms", "5"), // producer
            Map.entry("session.timeout.ms", "10000"), // consumer
            Map.entry("default.api.timeout.ms", "60000"), // consumer and admin
            Map.entry("security.protocol", "SASL_SSL"),
            Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
            Map.entry("sasl.jaas.config", "…"),
            Map.entry("ssl.truststore.location", "/etc/truststore.p12"),
            Map.entry("producer.batch.size", "65536"),
            Map.entry("consumer.max.poll.records", "500"),
            Map.entry("main.consumer.fetch.min.bytes", "1"),
            Map.entry("restore.consumer.max.poll.records", "1000"),
            Map.entry("global.consumer.client.rack", "a"),
            Map.entry("admin.retries", "3"),
            Map.entry("topic.min.insync.replicas", "2"),
            Map.entry("topic.retention.ms", "-1"),
            Map.entry("client.tag.zone", "eu-1"));

    assertThat(KafkaKeys.unknown(kafka)).isEmpty();
  }
}
