package dev.tradewatch.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.broker.EmbeddedKafkaBroker;
import dev.tradewatch.config.Settings;
import dev.tradewatch.demo.SyntheticFeed;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.isolated.Backtest;
import dev.tradewatch.isolated.CatchUp;
import dev.tradewatch.lifecycle.ClusterPreparation;
import dev.tradewatch.replay.FigureProducer;
import dev.tradewatch.replay.FileFormat;
import dev.tradewatch.replay.FileReplay;
import dev.tradewatch.stream.AlertJson;
import dev.tradewatch.testing.ChildProcesses;
import dev.tradewatch.testing.KafkaTestSupport;
import dev.tradewatch.testing.MonitorProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once across crashes: {@code run} in its own JVM is SIGKILLed twice while a generated feed
 * of tens of thousands of figures is replayed, and restarted each time. Read with read_committed,
 * the alert topic holds no duplicate (alertId, version), and the final state of every alert equals
 * a backtest of the same feed. The time from the last restart to caught-up is printed.
 */
// a hung broker or client fails the test, not CI; the steps' own deadlines add up to less
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class CrashRecoveryIT {

  /** For each step that waits on the monitor: a loaded 2-core machine may be 5 times slower. */
  private static final Duration STEP_DEADLINE = Duration.ofMinutes(3);

  @RegisterExtension final ChildProcesses children = new ChildProcesses();

  @TempDir Path dir;

  @Test
  void shouldPublishEveryAlertExactlyOnceAcrossTwoSigkills() throws Exception {
    List<String> feed = SyntheticFeed.generate(11, 800, 2020, 4).lines();
    assertThat(feed.size()).isGreaterThan(30_000);
    Path feedFile = dir.resolve("feed.jsonl");
    Files.write(feedFile, feed, StandardCharsets.UTF_8);

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null)) {
      Settings settings =
          KafkaTestSupport.isolatedSettings(
              broker.bootstrapServers(), dir.resolve("state"), Map.of());
      ClusterPreparation.prepare(settings);
      MonitorProcess run = new MonitorProcess(runArgs(settings), dir.resolve("run.log"), children);
      run.start();
      Properties client = ClusterPreparation.clientProperties(settings);
      CompletableFuture<Void> replay =
          CompletableFuture.runAsync(
              () -> {
                try (FigureProducer producer =
                    new FigureProducer(
                        KafkaTestSupport.patientProducer(client),
                        settings.topics().input(),
                        3_000)) {
                  feed.forEach(line -> producer.send(line.getBytes(StandardCharsets.UTF_8)));
                  producer.flush(); // throws if any record was not delivered
                }
              },
              task -> {
                Thread thread = new Thread(task, "replay");
                thread.setDaemon(true); // a failed test must not wait for it
                thread.start();
              });
      long lastRestart = 0;
      try (Admin admin = Admin.create(client)) {
        for (long processed :
            new long[] {8_000, 20_000}) { // crash while processing, restart at once
          assertThat(
                  KafkaTestSupport.eventually(
                      STEP_DEADLINE,
                      () ->
                          KafkaTestSupport.committedOffsets(
                                  admin, settings.application().id(), settings.topics().input())
                              >= processed))
              .as("%d figures processed; log in %s", processed, dir.resolve("run.log"))
              .isTrue();
          run.kill();
          run.start();
          lastRestart = System.nanoTime();
        }
      }
      replay.get(STEP_DEADLINE.toMinutes(), TimeUnit.MINUTES); // every figure is on the topic
      long replayEnded = System.nanoTime();
      try (Admin admin = Admin.create(client)) {
        new CatchUp(
                admin,
                settings.application().id(),
                CatchUp.monitoredTopics(settings.application().id(), settings.topics().input()))
            .await(Duration.ofMinutes(5), remaining -> {}, () -> null);
      }
      long caughtUp = System.nanoTime();
      System.out.printf(
          "CrashRecoveryIT: %d figures; caught up %.1f s after the last restart, %.1f s after the replay ended%n",
          feed.size(), (caughtUp - lastRestart) / 1e9, (caughtUp - replayEnded) / 1e9);
      assertThat(run.isAlive()).as("run still alive; log in " + dir.resolve("run.log")).isTrue();

      Map<String, Alert> expected =
          Backtest.run(
                  KafkaTestSupport.patientProducers(settings),
                  new FileReplay.Input(feedFile, FileFormat.JSONL, false, line -> {}),
                  true,
                  FileReplay.NO_PROGRESS)
              .alerts();
      Map<String, String> expectedState = KafkaTestSupport.currentState(expected);
      List<ConsumerRecord<byte[], byte[]>> records =
          KafkaTestSupport.readCommittedUntil(
              broker.bootstrapServers(),
              settings.topics().alerts(),
              read ->
                  KafkaTestSupport.currentState(KafkaTestSupport.latestAlerts(read))
                      .equals(expectedState));
      run.stop();

      Set<String> versions = new HashSet<>();
      for (ConsumerRecord<byte[], byte[]> record : records) {
        Alert alert = AlertJson.fromBytes(record.value());
        assertThat(versions.add(alert.alertId() + "#" + alert.version()))
            .as("duplicate " + alert.alertId())
            .isTrue();
      }
      assertThat(expectedState).hasSizeGreaterThan(20);
      assertThat(KafkaTestSupport.currentState(KafkaTestSupport.latestAlerts(records)))
          .isEqualTo(expectedState);
    }
  }

  private static List<String> runArgs(Settings settings) {
    return List.of(
        "--bootstrap-servers",
        settings.cluster().bootstrapServers(),
        "--application-id",
        settings.application().id(),
        "--state-dir",
        settings.application().stateDir().toString(),
        "--http-port",
        "0",
        "--set",
        "tradewatch.http.bind-address=127.0.0.1",
        "--set",
        "tradewatch.topics.input=" + settings.topics().input(),
        "--set",
        "tradewatch.topics.alerts=" + settings.topics().alerts(),
        "--set",
        "tradewatch.topics.dead-letter=" + settings.topics().deadLetter(),
        "--set",
        "tradewatch.topics.replication-factor=1",
        "--set",
        KafkaTestSupport.SOURCES_AS_OF_KEY + "=" + KafkaTestSupport.SOURCES_AS_OF,
        // a SIGKILLed member stays in the group until its session times out (45 s by default)
        "--set",
        "kafka.session.timeout.ms=10000",
        "--set",
        "kafka.heartbeat.interval.ms=2000");
  }
}
