package dev.tradewatch.ops;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradewatch.testing.KafkaTestSupport;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code prometheus-alertmanager} on 127.0.0.1 for a test: one receiver that goes nowhere,
 * no cluster gossip, its API wrapped in the few calls the tests need. It can be stopped and started
 * again on the same port.
 */
final class AlertmanagerProcess implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONFIG =
      """
      route:
        receiver: nowhere
        group_wait: 1s
      receivers:
        - name: nowhere
      """;

  private final Path binary;
  private final Path dir;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private Process process;

  private AlertmanagerProcess(Path binary, Path dir, int port) {
    this.binary = binary;
    this.dir = dir;
    this.port = port;
  }

  static AlertmanagerProcess start(Path dir) throws IOException, InterruptedException {
    Path binary = ExternalTools.require("prometheus-alertmanager", "prometheus-alertmanager");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("alertmanager.yml"), CONFIG);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    AlertmanagerProcess alertmanager = new AlertmanagerProcess(binary, dir, port);
    alertmanager.start();
    return alertmanager;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Starts it (again) and waits until it answers ready. */
  void start() throws IOException, InterruptedException {
    process =
        new ProcessBuilder(
                binary.toString(),
                "--config.file=" + dir.resolve("alertmanager.yml"),
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(dir.resolve("alertmanager.log").toFile()))
            .start();
    if (!KafkaTestSupport.eventually(Duration.ofSeconds(30), this::ready)) {
      fail(
          "Alertmanager did not become ready: "
              + Files.readString(dir.resolve("alertmanager.log")));
    }
  }

  /** Stops it (as SIGTERM would) and waits until it has. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private boolean ready() {
    try {
      return get("/-/ready").statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The trade alerts Alertmanager holds (active ones: it does not list resolved alerts), silenced
   * ones included unless {@code includeSilenced} is false.
   */
  List<JsonNode> tradeAlerts(boolean includeSilenced) throws IOException, InterruptedException {
    String filter = URLEncoder.encode("alertname=\"TradeAnomaly\"", StandardCharsets.UTF_8);
    HttpResponse<String> response =
        get("/api/v2/alerts?silenced=" + includeSilenced + "&filter=" + filter);
    List<JsonNode> alerts = new ArrayList<>();
    JSON.readTree(response.body()).forEach(alerts::add);
    return alerts;
  }

  /** The alert ids of {@link #tradeAlerts}; empty while Alertmanager is unreachable. */
  List<String> tradeAlertIds(boolean includeSilenced) {
    try {
      return tradeAlerts(includeSilenced).stream()
          .map(alert -> alert.path("labels").path("alertId").asText())
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  /** Silences alerts whose {@code label} equals {@code value} for an hour; the silence id. */
  String silence(String label, String value) throws IOException, InterruptedException {
    ObjectNode silence = JSON.createObjectNode();
    ArrayNode matchers = silence.putArray("matchers");
    matchers.addObject().put("name", label).put("value", value).put("isRegex", false);
    Instant now = Instant.now();
    silence.put("startsAt", now.toString());
    silence.put("endsAt", now.plus(Duration.ofHours(1)).toString());
    silence.put("createdBy", "AlertmanagerIT");
    silence.put("comment", "known: the test silences it");
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url() + "/api/v2/silences"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(silence)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      fail("silence refused: " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body()).path("silenceID").asText();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      stop();
    }
  }
}
