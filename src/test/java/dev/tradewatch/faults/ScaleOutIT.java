package dev.tradewatch.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.tradewatch.testing.ChildProcesses;
import dev.tradewatch.testing.KafkaTestSupport;
import dev.tradewatch.testing.MonitorProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code run} processes share the input partitions; each answers /api/alerts for all series.
 * One is SIGKILLed; the other takes its partitions over; the final state still equals a backtest.
 */
// a hung broker or client fails the test, not CI; the steps' own deadlines add up to less
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ScaleOutIT {

  /** For each step that waits on the monitors: a loaded 2-core machine may be 5 times slower. */
  private static final Duration STEP_DEADLINE = Duration.ofMinutes(3);

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @RegisterExtension final ChildProcesses children = new ChildProcesses();

  @TempDir Path dir;

  @Test
  void shouldShareTheWorkAnswerForAllAndTakeOverWhenOneInstanceDies() throws Exception {
    List<String> before = SyntheticFeed.generate(17, 300, 2021, 2).lines();
    List<String> after =
        SyntheticFeed.generate(19, 300, 2023, 2).lines(); // produced once b is dead
    Path feedFile = dir.resolve("feed.jsonl");
    Files.write(feedFile, before, StandardCharsets.UTF_8);
    Files.write(feedFile, after, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null)) {
      Settings settings =
          KafkaTestSupport.isolatedSettings(
              broker.bootstrapServers(), dir.resolve("state"), Map.of());
      ClusterPreparation.prepare(settings);
      int portA = freePort();
      int portB = freePort();
      MonitorProcess a =
          new MonitorProcess(args(settings, "a", portA), dir.resolve("a.log"), children);
      MonitorProcess b =
          new MonitorProcess(args(settings, "b", portB), dir.resolve("b.log"), children);
      a.start();
      b.start();
      // both in the group before any state exists, so that the stateful tasks are spread over both
      try (Admin admin = Admin.create(ClusterPreparation.clientProperties(settings))) {
        assertThat(
                KafkaTestSupport.eventually(
                    STEP_DEADLINE,
                    () ->
                        members(admin, settings.application().id()) == 2
                            && health(portA) == 200
                            && health(portB) == 200))
            .isTrue();
      }
      produce(settings, before);
      awaitProcessed(settings);

      Set<String> localA = alertIds(portA, "scope=local");
      Set<String> localB = alertIds(portB, "scope=local");
      Set<String> union = new TreeSet<>(localA);
      union.addAll(localB);
      assertThat(localA).as("instance a holds part of the state").isNotEmpty();
      assertThat(localB).as("instance b holds part of the state").isNotEmpty();
      assertThat(alertIds(portA, "")).isEqualTo(union);
      assertThat(alertIds(portB, "")).isEqualTo(union);

      b.kill();
      produce(settings, after);
      awaitProcessed(settings);

      Map<String, String> expected =
          KafkaTestSupport.currentState(
              Backtest.run(
                      KafkaTestSupport.patientProducers(settings),
                      new FileReplay.Input(feedFile, FileFormat.JSONL, false, line -> {}),
                      true,
                      FileReplay.NO_PROGRESS)
                  .alerts());
      Map<String, Alert> live =
          KafkaTestSupport.latestAlerts(
              KafkaTestSupport.readCommittedUntil(
                  broker.bootstrapServers(),
                  settings.topics().alerts(),
                  read ->
                      KafkaTestSupport.currentState(KafkaTestSupport.latestAlerts(read))
                          .equals(expected)));
      assertThat(KafkaTestSupport.currentState(live)).isEqualTo(expected);
      assertThat(
              KafkaTestSupport.eventually(
                  STEP_DEADLINE, () -> activeIds(portA).equals(expected.keySet())))
          .isTrue();
      a.stop();
    }
  }

  private static int members(Admin admin, String group) {
    try {
      return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().size();
    } catch (java.util.concurrent.ExecutionException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private void awaitProcessed(Settings settings) {
    try (Admin admin = Admin.create(ClusterPreparation.clientProperties(settings))) {
      new CatchUp(
              admin,
              settings.application().id(),
              CatchUp.monitoredTopics(settings.application().id(), settings.topics().input()))
          .await(STEP_DEADLINE, remaining -> {}, () -> null);
    }
  }

  private Set<String> activeIds(int port) {
    try {
      return alertIds(port, "status=active");
    } catch (IOException | InterruptedException e) {
      return Set.of();
    }
  }

  private Set<String> alertIds(int port, String query) throws IOException, InterruptedException {
    HttpResponse<String> response =
        get(port, "/api/alerts?limit=100000" + (query.isEmpty() ? "" : "&" + query));
    if (response.statusCode() != 200) {
      throw new IOException(
          "port " + port + " answered " + response.statusCode() + ": " + response.body());
    }
    Set<String> ids = new TreeSet<>();
    JSON.readTree(response.body())
        .forEach((JsonNode alert) -> ids.add(alert.get("alertId").asText()));
    return ids;
  }

  private int health(int port) {
    try {
      return get(port, "/health").statusCode();
    } catch (IOException | InterruptedException e) {
      return -1;
    }
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private List<String> args(Settings settings, String name, int port) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--bootstrap-servers",
                settings.cluster().bootstrapServers(),
                "--application-id",
                settings.application().id(),
                "--state-dir",
                dir.resolve("state-" + name).toString(),
                "--http-port",
                Integer.toString(port)));
    for (String set :
        List.of(
            "tradewatch.http.bind-address=127.0.0.1",
            "tradewatch.http.advertised-host=127.0.0.1",
            "tradewatch.topics.input=" + settings.topics().input(),
            "tradewatch.topics.alerts=" + settings.topics().alerts(),
            "tradewatch.topics.dead-letter=" + settings.topics().deadLetter(),
            "tradewatch.topics.replication-factor=1",
            KafkaTestSupport.SOURCES_AS_OF_KEY + "=" + KafkaTestSupport.SOURCES_AS_OF,
            "kafka.session.timeout.ms=6000",
            "kafka.heartbeat.interval.ms=1000")) {
      args.add("--set");
      args.add(set);
    }
    return args;
  }
}
