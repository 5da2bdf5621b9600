package dev.tradewatch.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.broker.EmbeddedKafkaBroker;
import dev.tradewatch.config.Settings;
import dev.tradewatch.demo.SyntheticFeed;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.isolated.Backtest;
import dev.tradewatch.isolated.CatchUp;
import dev.tradewatch.lifecycle.ClusterPreparation;
import dev.tradewatch.lifecycle.StreamsRuntime;
import dev.tradewatch.replay.FigureProducer;
import dev.tradewatch.replay.FileFormat;
import dev.tradewatch.replay.FileReplay;
import dev.tradewatch.testing.KafkaTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker stops and starts again on the same data directory mid-stream; tradewatch recovers by
 * itself.
 */
// a hung broker or client fails the test, not CI; the steps' own deadlines add up to less
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class BrokerRestartIT {

  /** For each step that waits on the monitor: a loaded 2-core machine may be 5 times slower. */
  private static final Duration STEP_DEADLINE = Duration.ofMinutes(3);

  @TempDir Path dir;

  @Test
  void shouldRecoverByItselfWhenTheBrokerRestartsMidStream() throws Exception {
    List<String> feed = SyntheticFeed.generate(13, 300, 2021, 2).lines();
    Path feedFile = dir.resolve("feed.jsonl");
    Files.write(feedFile, feed, StandardCharsets.UTF_8);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path data = dir.resolve("kafka");
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port, data);
    Settings settings =
        KafkaTestSupport.isolatedSettings(
            broker.bootstrapServers(), dir.resolve("state"), Map.of());
    try (StreamsRuntime monitor =
        StreamsRuntime.startMonitor(settings, new SimpleMeterRegistry(), Clock.systemUTC())) {
      int half = feed.size() / 2;
      produce(settings, feed.subList(0, half));
      try (Admin admin = Admin.create(ClusterPreparation.clientProperties(settings))) {
        assertThat(
                KafkaTestSupport.eventually(
                    STEP_DEADLINE,
                    () ->
                        KafkaTestSupport.committedOffsets(
                                admin, settings.application().id(), settings.topics().input())
                            >= half / 2))
            .isTrue();
      }
      broker.close(); // mid-stream: the monitor is still processing the first half
      broker = EmbeddedKafkaBroker.start(port, data);
      produce(settings, feed.subList(half, feed.size()));
      try (Admin admin = Admin.create(ClusterPreparation.clientProperties(settings))) {
        new CatchUp(
                admin,
                settings.application().id(),
                CatchUp.monitoredTopics(settings.application().id(), settings.topics().input()))
            .await(Duration.ofMinutes(5), remaining -> {}, monitor::failure);
      }
      assertThat(monitor.failure()).isNull();

      Map<String, Alert> expected =
          Backtest.run(
                  KafkaTestSupport.patientProducers(settings),
                  new FileReplay.Input(feedFile, FileFormat.JSONL, false, line -> {}),
                  true,
                  FileReplay.NO_PROGRESS)
              .alerts();
      Map<String, String> expectedState = KafkaTestSupport.currentState(expected);
      Map<String, Alert> live =
          KafkaTestSupport.latestAlerts(
              KafkaTestSupport.readCommittedUntil(
                  broker.bootstrapServers(),
                  settings.topics().alerts(),
                  read ->
                      KafkaTestSupport.currentState(KafkaTestSupport.latestAlerts(read))
                          .equals(expectedState)));
      assertThat(expectedState).isNotEmpty();
      assertThat(KafkaTestSupport.currentState(live)).isEqualTo(expectedState);
    } finally {
      broker.close();
    }
  }

  private static void produce(Settings settings, List<String> lines) {
    try (FigureProducer producer =
        new FigureProducer(
            KafkaTestSupport.patientProducer(ClusterPreparation.clientProperties(settings)),
            settings.topics().input(),
            0)) {
      producer.sendAll(lines);
    }
  }
}
