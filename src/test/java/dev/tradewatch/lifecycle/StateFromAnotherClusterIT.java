package dev.tradewatch.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.broker.EmbeddedKafkaBroker;
import dev.tradewatch.config.ConfigKeys;
import dev.tradewatch.config.Settings;
import dev.tradewatch.demo.DemoData;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.testing.KafkaTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One state directory, two clusters in turn (as with {@code broker} on a temporary data directory,
 * started twice): the local state left by the first cluster must not hide alerts on the second.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hung broker or client fails the test, not CI
class StateFromAnotherClusterIT {

  @TempDir Path stateDir;

  @Test
  void shouldPublishEveryReferenceAlertWhenTheStateDirectoryHoldsAnotherClustersState()
      throws Exception {
    Settings first;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null)) {
      first = KafkaTestSupport.isolatedSettings(broker.bootstrapServers(), stateDir, Map.of());
      assertThat(referenceCaseAlerts(first)).containsOnlyKeys(MonitorRunIT.REFERENCE_ALERTS);
    }
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null)) {
      Settings second = first.with(Map.of(ConfigKeys.BOOTSTRAP_SERVERS, broker.bootstrapServers()));

      assertThat(referenceCaseAlerts(second)).containsOnlyKeys(MonitorRunIT.REFERENCE_ALERTS);
      assertThat(ownerRecord(second).getProperty("cluster.id")).isEqualTo(clusterId(second));
    }
  }

  @Test
  void shouldRecordTheInternalTopicsOnceTheMonitorRuns() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null)) {
      Settings settings =
          KafkaTestSupport.isolatedSettings(broker.bootstrapServers(), stateDir, Map.of());
      String changelog = settings.application().id() + "-flow-store-changelog";
      try (StreamsRuntime monitor =
          StreamsRuntime.startMonitor(settings, new SimpleMeterRegistry(), Clock.systemUTC())) {
        assertThat(KafkaTestSupport.eventually(monitor::isRunning)).isTrue();

        assertThat(
                KafkaTestSupport.eventually(
                    () -> ownerRecord(settings).containsKey("topic." + changelog)))
            .isTrue();
        assertThat(ownerRecord(settings).getProperty("topic." + changelog))
            .isEqualTo(topicId(settings, changelog));
      }
    }
  }

  /** Runs the monitor on {@code settings}' cluster, feeds it the reference case, stops it. */
  private static Map<String, Alert> referenceCaseAlerts(Settings settings) {
    String bootstrap = settings.cluster().bootstrapServers();
    try (StreamsRuntime monitor =
        StreamsRuntime.startMonitor(settings, new SimpleMeterRegistry(), Clock.systemUTC())) {
      assertThat(KafkaTestSupport.eventually(monitor::isRunning)).isTrue();
      KafkaTestSupport.produce(bootstrap, settings.topics().input(), DemoData.referenceCase());
      return KafkaTestSupport.latestAlerts(
          KafkaTestSupport.readCommittedUntil(
              bootstrap,
              settings.topics().alerts(),
              read ->
                  KafkaTestSupport.latestAlerts(read)
                      .keySet()
                      .equals(MonitorRunIT.REFERENCE_ALERTS)));
    }
  }

  private static Properties ownerRecord(Settings settings) {
    Path file = settings.application().stateDir().resolve(settings.application().id() + ".owner");
    Properties record = new Properties();
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file)) {
        record.load(in);
      } catch (IOException e) {
        return new Properties(); // being replaced: read again
      }
    }
    return record;
  }

  private static String clusterId(Settings settings) throws Exception {
    try (Admin admin = Admin.create(ClusterPreparation.clientProperties(settings))) {
      return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
    }
  }

  private static String topicId(Settings settings, String topic) throws Exception {
    try (Admin admin = Admin.create(ClusterPreparation.clientProperties(settings))) {
      return admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get(30, TimeUnit.SECONDS)
          .get(topic)
          .topicId()
          .toString();
    }
  }
}
