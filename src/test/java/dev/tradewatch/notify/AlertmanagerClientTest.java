package dev.tradewatch.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.tradewatch.config.ConfigException;
import dev.tradewatch.config.Settings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client against small HTTP servers standing in for Alertmanager peers. */
class AlertmanagerClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<HttpServer> servers = new ArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(server -> server.stop(0));
  }

  @Test
  void postsToEveryPeerUnderItsPathPrefixWithBasicAuth() throws Exception {
    URI first = peer(200, "/");
    URI second = peer(200, "/alertmanager/");
    AlertmanagerClient client =
        new AlertmanagerClient(
            settings(List.of(first, second.resolve("/alertmanager")), "tw", "pw"));

    AlertmanagerClient.Result result = client.post(List.of(alert()));

    assertThat(result.outcome()).isEqualTo(AlertmanagerClient.Outcome.SENT);
    String auth = "Basic " + Base64.getEncoder().encodeToString("tw:pw".getBytes());
    assertThat(requests)
        .containsExactlyInAnyOrder(
            "POST /api/v2/alerts " + auth + " [{\"labels\":{\"alertname\":\"TradeAnomaly\"}}]",
            "POST /alertmanager/api/v2/alerts "
                + auth
                + " [{\"labels\":{\"alertname\":\"TradeAnomaly\"}}]");
  }

  @ParameterizedTest
  @CsvSource({
    "500, FAILED",
    "503, FAILED",
    "429, FAILED",
    "408, FAILED",
    "401, FAILED",
    "404, FAILED",
    "400, REFUSED",
    "422, REFUSED",
    "202, SENT"
  })
  void tellsARetryFromARefusal(int status, AlertmanagerClient.Outcome outcome) throws Exception {
    AlertmanagerClient client =
        new AlertmanagerClient(settings(List.of(peer(status, "/")), "", ""));

    AlertmanagerClient.Result result = client.post(List.of(alert()));

    assertThat(result.outcome()).isEqualTo(outcome);
    if (outcome != AlertmanagerClient.Outcome.SENT) {
      assertThat(result.problem()).contains("answered " + status);
    }
  }

  @Test
  void anUnreachablePeerIsAFailureToRetryAndTheWorstOutcomeCounts() throws Exception {
    URI reachable = peer(200, "/");
    URI closed = URI.create("http://127.0.0.1:1");
    AlertmanagerClient client =
        new AlertmanagerClient(settings(List.of(reachable, closed), "", ""));

    AlertmanagerClient.Result result = client.post(List.of(alert()));

    assertThat(result.outcome()).isEqualTo(AlertmanagerClient.Outcome.FAILED);
    assertThat(result.problem()).contains("127.0.0.1:1").contains("unreachable");
    assertThat(requests).hasSize(1); // the reachable peer still got it
  }

  @Test
  void aTruststoreThatCannotBeLoadedIsAConfigurationError() {
    Settings.Alertmanager settings =
        new Settings.Alertmanager(
            List.of(URI.create("https://am:9093")),
            "",
            "",
            "/nonexistent/am-trust.p12",
            "",
            Duration.ofSeconds(60));

    assertThatThrownBy(() -> new AlertmanagerClient(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("tradewatch.alertmanager.tls.truststore: cannot load")
        .hasMessageContaining("/nonexistent/am-trust.p12");
  }

  private URI peer(int status, String context) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        context,
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String auth = exchange.getRequestHeaders().getFirst("Authorization");
          requests.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getPath()
                  + " "
                  + (auth == null ? "" : auth + " ")
                  + body);
          byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    servers.add(server);
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static Settings.Alertmanager settings(List<URI> urls, String user, String password) {
    return new Settings.Alertmanager(urls, user, password, "", "", Duration.ofSeconds(60));
  }

  private static ObjectNode alert() {
    ObjectNode alert = JSON.createObjectNode();
    alert.putObject("labels").put("alertname", "TradeAnomaly");
    return alert;
  }
}
