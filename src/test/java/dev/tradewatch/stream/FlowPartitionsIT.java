package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewatch.broker.EmbeddedKafkaBroker;
import dev.tradewatch.config.ConfigKeys;
import dev.tradewatch.config.Settings;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.lifecycle.ClusterPreparation;
import dev.tradewatch.lifecycle.StartupException;
import dev.tradewatch.lifecycle.StreamsRuntime;
import dev.tradewatch.replay.FigureFlow;
import dev.tradewatch.testing.KafkaTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real broker with four partitions, the reference case written three ways at once — keyed by
 * flow as {@code replay} writes it, without a key, and under keys that are not flows — raises the
 * same alerts as the reference run, and exactly the figures that were not on their flow's partition
 * went through the repartition topic.
 */
// a hung broker or client fails the test, not CI; the steps' own deadlines add up to less
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class FlowPartitionsIT {

  private static final int PARTITIONS = 4;

  @TempDir Path dir;

  @Test
  void shouldTrackEveryFigureOnItsFlowsPartitionWhicheverPathItTook() throws Exception {
    List<String> lines = TopologyFixture.seedCaseLines();
    Map<String, Alert> reference;
    try (TopologyFixture fixture = new TopologyFixture()) {
      fixture.sendSeedCase();
      reference = TopologyFixture.latest(fixture.readAlerts());
    }
    Map<String, String> expected = KafkaTestSupport.currentState(reference);
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null)) {
      Settings settings =
          KafkaTestSupport.isolatedSettings(broker.bootstrapServers(), dir, Map.of())
              .with(
                  Map.of(
                      ConfigKeys.TOPICS_PARTITIONS,
                      Integer.toString(PARTITIONS),
                      TopologyFixture.SOURCES_AS_OF,
                      TopologyFixture.REFERENCE_DATA_TIME));
      try (StreamsRuntime monitor =
          StreamsRuntime.startMonitor(settings, new SimpleMeterRegistry(), Clock.systemUTC())) {
        int elsewhere = produceThreeWays(broker.bootstrapServers(), settings, lines);
        assertThat(elsewhere).isBetween(1, lines.size() - 1); // both paths taken

        String alerts = settings.topics().alerts();
        List<ConsumerRecord<byte[], byte[]>> read =
            KafkaTestSupport.readCommittedUntil(
                broker.bootstrapServers(),
                alerts,
                records ->
                    KafkaTestSupport.currentState(KafkaTestSupport.latestAlerts(records))
                        .equals(expected));
        Map<String, Alert> live = KafkaTestSupport.latestAlerts(read);
        assertThat(KafkaTestSupport.currentState(live)).isEqualTo(expected).hasSize(6);
        assertThat(KafkaTestSupport.evidenceState(live))
            .isEqualTo(KafkaTestSupport.evidenceState(reference));

        String repartition =
            TradewatchTopology.repartitionTopics(settings.application().id()).get(0);
        List<ConsumerRecord<byte[], byte[]>> moved =
            KafkaTestSupport.readCommittedUntil(
                broker.bootstrapServers(), repartition, records -> records.size() >= elsewhere);
        assertThat(moved).hasSize(elsewhere);
        assertThat(moved)
            .allSatisfy(
                record ->
                    assertThat(record.partition())
                        .isEqualTo(
                            FlowPartitioner.partitionOf(
                                new String(record.key(), StandardCharsets.UTF_8), PARTITIONS)));
        assertThat(monitor.failure()).isNull();
        assertThat(ClusterPreparation.prepare(settings).flowPartitions()).isEqualTo(PARTITIONS);
      }
    }
  }

  @Test
  void shouldRefuseToStartInOneLineWhenTheRepartitionTopicHasOtherPartitionsThanTheInput()
      throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null)) {
      Settings settings =
          KafkaTestSupport.isolatedSettings(broker.bootstrapServers(), dir, Map.of())
              .with(Map.of(ConfigKeys.TOPICS_PARTITIONS, Integer.toString(PARTITIONS)));
      String repartition = TradewatchTopology.repartitionTopics(settings.application().id()).get(0);
      try (Admin admin = Admin.create(ClusterPreparation.clientProperties(settings))) {
        admin.createTopics(List.of(new NewTopic(repartition, 2, (short) 1))).all().get();
      }

      // Kafka Streams would refuse these topics too ("has invalid partitions"), once started
      assertThatThrownBy(() -> ClusterPreparation.prepare(settings))
          .isInstanceOf(StartupException.class)
          .hasMessageContaining(settings.topics().input() + " has 4 partitions")
          .hasMessageContaining(repartition + " has 2")
          .hasMessageNotContaining("\n");
    }
  }

  /**
   * Writes line i keyed by its flow, without a key, or under another key, by i mod 3; returns how
   * many landed off their flow's partition.
   */
  private static int produceThreeWays(String bootstrap, Settings settings, List<String> lines)
      throws Exception {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    List<String> flows = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) KafkaTestSupport.DELIVERY_TIMEOUT.toMillis()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < lines.size(); i++) {
        byte[] value = lines.get(i).getBytes(StandardCharsets.UTF_8);
        String flow = FigureFlow.of(value).key();
        String key =
            switch (i % 3) {
              case 0 -> flow;
              case 1 -> null;
              default -> keyOffPartitionOf(flow);
            };
        flows.add(flow);
        sent.add(
            producer.send(
                new ProducerRecord<>(
                    settings.topics().input(),
                    key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                    value)));
        producer.flush(); // one batch a record: keyless records spread over the partitions
      }
    }
    int elsewhere = 0;
    for (int i = 0; i < sent.size(); i++) {
      int partition = sent.get(i).get().partition();
      int home = FlowPartitioner.partitionOf(flows.get(i), PARTITIONS);
      if (i % 3 == 0) {
        // Kafka's Java producer puts a record keyed by its flow where the flow is tracked
        assertThat(partition).as("line %d, keyed by its flow", i).isEqualTo(home);
      }
      if (partition != home) {
        elsewhere++;
      }
    }
    return elsewhere;
  }

  /** A key that Kafka's producer puts on another partition than {@code flow}'s. */
  private static String keyOffPartitionOf(String flow) {
    int home = FlowPartitioner.partitionOf(flow, PARTITIONS);
    for (int n = 0; ; n++) {
      String key = "not-a-flow-" + n;
      if (FlowPartitioner.partitionOf(key, PARTITIONS) != home) {
        return key;
      }
    }
  }
}
