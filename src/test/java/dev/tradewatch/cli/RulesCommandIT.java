package dev.tradewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.Main;
import dev.tradewatch.testing.BrokerPerClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code rules list|set|unset} against a real broker, each test on a rules topic of its own. */
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a hung broker or client fails the test, not CI
class RulesCommandIT extends BrokerPerClass {

  private static final String NL = System.lineSeparator();
  private static final String FACTOR = "tradewatch.rules.month-spike.factor";
  private static final String RATIO = "tradewatch.rules.ytd-ratio.ratio";

  @TempDir Path dir;

  private final String topic = "rules-" + UUID.randomUUID().toString().substring(0, 8);

  /** Runs {@code rules ARGS} on the test's broker and rules topic. */
  private CommandITSupport.Outcome rules(String... args) {
    List<String> all = new ArrayList<>(List.of("rules"));
    all.addAll(List.of(args));
    all.addAll(
        List.of(
            "--bootstrap-servers",
            broker.bootstrapServers(),
            "--set",
            "tradewatch.topics.rules=" + topic));
    return CommandITSupport.execute(all.toArray(String[]::new));
  }

  @Test
  void shouldListTheKeysSetSortedAndNoLongerListAKeyUnset() {
    CommandITSupport.Outcome set = rules("set", RATIO + "=6", FACTOR + "=8");

    assertThat(set.exitCode()).as(set.err()).isZero();
    assertThat(set.out())
        .isEqualTo(
            "set " + RATIO + "=6 on " + topic + NL + "set " + FACTOR + "=8 on " + topic + NL);
    assertThat(rules("list").out()).isEqualTo(FACTOR + "=8" + NL + RATIO + "=6" + NL);

    CommandITSupport.Outcome unset = rules("unset", FACTOR);

    assertThat(unset.exitCode()).as(unset.err()).isZero();
    assertThat(unset.out()).isEqualTo("unset " + FACTOR + " on " + topic + NL);
    assertThat(rules("list").out()).isEqualTo(RATIO + "=6" + NL);
  }

  @Test
  void shouldMarkRecordsTheMonitorWouldRejectWhenAnotherClientWroteThem() throws Exception {
    assertThat(rules("set", RATIO + "=6").exitCode()).isZero();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, FACTOR, "-3")).get();
      producer.send(new ProducerRecord<>(topic, "tradewatch.rules.no-such-rule.x", "1")).get();
    }

    CommandITSupport.Outcome list = rules("list");

    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out())
        .isEqualTo(
            FACTOR
                + "=-3  # rejected: "
                + FACTOR
                + ": expected a number > 1, found -3"
                + NL
                + "tradewatch.rules.no-such-rule.x=1  # rejected: unknown rule key"
                + " tradewatch.rules.no-such-rule.x"
                + NL
                + RATIO
                + "=6"
                + NL);
    // a bad record written by another client can be removed, unknown key or not
    assertThat(rules("unset", FACTOR, "tradewatch.rules.no-such-rule.x").exitCode()).isZero();
    assertThat(rules("list").out()).isEqualTo(RATIO + "=6" + NL);
  }

  @Test
  void shouldWriteNothingWhenOnePairIsBad() {
    assertThat(rules("set", RATIO + "=6").exitCode()).isZero();

    CommandITSupport.Outcome bad = rules("set", FACTOR + "=8", RATIO + "=0.5");

    assertThat(bad.exitCode()).isEqualTo(Main.USAGE);
    assertThat(bad.err()).startsWith("tradewatch: " + RATIO + ": ").hasLineCount(1);
    assertThat(rules("list").out()).isEqualTo(RATIO + "=6" + NL);
  }

  @Test
  void shouldCreateTheRulesTopicCompactedWithOnePartitionWhenSettingOnAClusterWithoutIt()
      throws Exception {
    // the topic name comes from --config, as the monitor's would
    Path config = dir.resolve("tradewatch.properties");
    Files.writeString(config, "tradewatch.topics.rules=" + topic + "\n");

    CommandITSupport.Outcome set =
        CommandITSupport.execute(
            "rules",
            "set",
            FACTOR + "=8",
            "--bootstrap-servers",
            broker.bootstrapServers(),
            "--config",
            config.toString());

    assertThat(set.exitCode()).as(set.err()).isZero();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      TopicDescription description =
          admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config topicConfig =
          admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
      assertThat(description.partitions()).hasSize(1);
      assertThat(topicConfig.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
          .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    }
    assertThat(rules("list").out()).isEqualTo(FACTOR + "=8" + NL);
  }

  @Test
  void shouldSaySoInOneLineWhenTheTopicIsEmptyOrMissing() throws Exception {
    CommandITSupport.Outcome missing = rules("list");

    assertThat(missing.exitCode()).isEqualTo(Main.FAILURE);
    assertThat(missing.err())
        .startsWith("tradewatch: topic " + topic + " does not exist on ")
        .hasLineCount(1);

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    CommandITSupport.Outcome empty = rules("list");

    assertThat(empty.exitCode()).as(empty.err()).isZero();
    assertThat(empty.out()).isEmpty();
    assertThat(empty.err())
        .isEqualTo("no rules set on topic " + topic + "; the configured settings apply" + NL);
  }

  @Test
  void shouldNotCreateTheTopicWhenTopicCreationIsOff() {
    CommandITSupport.Outcome unset =
        rules("unset", FACTOR, "--set", "tradewatch.topics.create=false");

    assertThat(unset.exitCode()).isEqualTo(Main.FAILURE);
    assertThat(unset.err())
        .isEqualTo(
            "tradewatch: topic "
                + topic
                + " does not exist and tradewatch.topics.create is false"
                + NL);
  }
}
