package dev.tradewatch.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hung broker or client fails the test, not CI
class EmbeddedKafkaBrokerIT {

  private static final Duration CONSUME_DEADLINE = Duration.ofSeconds(30);

  @Test
  void shouldDeliverTransactionalRecordsToReadCommittedConsumer() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null)) {
      assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
      createTopic(broker, "trades");
      List<String> sent = IntStream.range(0, 100).mapToObj(i -> "v" + i).toList();
      try (KafkaProducer<String, String> producer = producer(broker, "tx-" + UUID.randomUUID())) {
        producer.initTransactions();
        producer.beginTransaction();
        sent.forEach(v -> producer.send(new ProducerRecord<>("trades", "k", v)));
        producer.commitTransaction();
      }

      List<ConsumerRecord<String, String>> received = consume(broker, "trades", 100);

      assertThat(received).extracting(ConsumerRecord::value).containsExactlyElementsOf(sent);
    }
  }

  @Test
  void shouldKeepDataAcrossRestartOnSameDataDir(@TempDir Path dataDir) throws Exception {
    int port = freePort();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port, dataDir)) {
      assertThat(broker.port()).isEqualTo(port);
      createTopic(broker, "figures");
      produce(broker, "figures", "before-1", "before-2");
    }
    assertThat(dataDir.resolve("meta.properties")).exists();

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port, dataDir)) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        assertThat(admin.listTopics().names().get()).contains("figures");
      }
      produce(broker, "figures", "after-1");

      assertThat(consume(broker, "figures", 3))
          .extracting(ConsumerRecord::value)
          .containsExactly("before-1", "before-2", "after-1");
    }
  }

  @Test
  void shouldAcceptAndKeepRecordsWithYearsOldTimestamps() throws Exception {
    long march2013 = Instant.parse("2013-03-01T00:00:00Z").toEpochMilli();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null)) {
      createTopic(broker, "old-figures");
      try (KafkaProducer<String, String> producer = producer(broker, null)) {
        RecordMetadata meta =
            producer
                .send(new ProducerRecord<>("old-figures", 0, march2013, "DE-FR", "2013-03"))
                .get();
        assertThat(meta.timestamp()).isEqualTo(march2013);
      }

      ConsumerRecord<String, String> record = consume(broker, "old-figures", 1).get(0);

      assertThat(record.timestamp()).isEqualTo(march2013);
      assertThat(record.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
      assertThat(record.value()).isEqualTo("2013-03");
    }
  }

  @Test
  void shouldDeleteTemporaryDataDirOnCloseAndTolerateSecondClose() {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null);
    Path dataDir = broker.dataDir();
    assertThat(dataDir.resolve("meta.properties")).exists();

    broker.close();
    broker.close();

    assertThat(Files.exists(dataDir)).isFalse();
  }

  @Test
  void shouldFailWithClearMessageWhenPortIsTaken() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(taken.getLocalPort(), null))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("port " + taken.getLocalPort())
          .hasMessageContaining("already in use");
    }
  }

  private static void createTopic(EmbeddedKafkaBroker broker, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  private static void produce(EmbeddedKafkaBroker broker, String topic, String... values)
      throws Exception {
    try (KafkaProducer<String, String> producer = producer(broker, null)) {
      for (String value : values) {
        producer.send(new ProducerRecord<>(topic, "k", value)).get();
      }
    }
  }

  private static KafkaProducer<String, String> producer(
      EmbeddedKafkaBroker broker, String transactionalId) {
    Map<String, Object> conf =
        new HashMap<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"));
    if (transactionalId != null) {
      conf.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    }
    return new KafkaProducer<>(conf, new StringSerializer(), new StringSerializer());
  }

  /**
   * Polls from the beginning with read_committed until {@code expected} records or the deadline.
   */
  private static List<ConsumerRecord<String, String>> consume(
      EmbeddedKafkaBroker broker, String topic, int expected) {
    Map<String, Object> conf =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "it-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed");
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    Instant deadline = Instant.now().plus(CONSUME_DEADLINE);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(conf, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      while (records.size() < expected && Instant.now().isBefore(deadline)) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return probe.getLocalPort();
    }
  }
}
