package dev.tradewatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradewatch.broker.EmbeddedKafkaBroker;
import dev.tradewatch.config.Settings;
import dev.tradewatch.demo.DemoData;
import dev.tradewatch.http.HttpEndpoint;
import dev.tradewatch.isolated.CatchUp;
import dev.tradewatch.lifecycle.ClusterPreparation;
import dev.tradewatch.lifecycle.StreamsRuntime;
import dev.tradewatch.replay.FigureProducer;
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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query of every panel of grafana/dashboards/tradewatch.json, run against a real Prometheus
 * (Debian's package) scraping tradewatch while it processes the demo data; and every Infinity
 * panel's JSON API call against tradewatch itself. Each must return data.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hung broker or client fails the test, not CI
class DashboardQueriesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DASHBOARD = Path.of("grafana", "dashboards", "tradewatch.json");
  private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");
  private static final Map<String, String> VARIABLES =
      Map.of(
          "$__rate_interval",
          "1m",
          "${exporter}",
          "TUR",
          "${importer}",
          "AZE",
          "$exporter",
          "TUR",
          "$importer",
          "AZE");

  @TempDir static Path dir;

  private static EmbeddedKafkaBroker broker;
  private static HttpEndpoint web;
  private static StreamsRuntime monitor;
  private static Process prometheus;
  private static String prometheusUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startEverything() throws Exception {
    Path binary = ExternalTools.require("prometheus", "prometheus");
    broker = EmbeddedKafkaBroker.start(0, null);
    Settings settings =
        KafkaTestSupport.isolatedSettings(
            broker.bootstrapServers(),
            dir.resolve("state"),
            Map.of(
                "tradewatch.http.port",
                "0",
                "tradewatch.http.bind-address",
                "127.0.0.1",
                "tradewatch.http.advertised-host",
                "127.0.0.1",
                "tradewatch.metrics.refresh-seconds",
                "1"));
    web = HttpEndpoint.start(settings);
    monitor =
        StreamsRuntime.startMonitor(
            settings, web.registry(), Clock.systemUTC(), web.advertisedServer());
    web.attach(monitor);
    try (FigureProducer producer =
            new FigureProducer(
                ClusterPreparation.clientProperties(settings), settings.topics().input(), 0);
        Admin admin = Admin.create(ClusterPreparation.clientProperties(settings))) {
      producer.sendAll(DemoData.lines());
      new CatchUp(
              admin,
              settings.application().id(),
              CatchUp.monitoredTopics(settings.application().id(), settings.topics().input()))
          .await(Duration.ofMinutes(5), remaining -> {}, monitor::failure);
    }
    prometheus = startPrometheus(binary, web.port());
  }

  @AfterAll
  static void stopEverything() {
    if (prometheus != null) {
      prometheus.destroy();
    }
    if (monitor != null) {
      monitor.close();
    }
    if (web != null) {
      web.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void everyPrometheusQueryOfTheDashboardShouldReturnData() throws Exception {
    List<String> queries = targets("prometheus", "expr");
    assertThat(queries).hasSizeGreaterThanOrEqualTo(10);
    assertThat(
            KafkaTestSupport.eventually(
                () -> hasData("count_over_time(tradewatch_series[1m]) >= 3")))
        .isTrue();

    List<String> empty = new ArrayList<>();
    for (String query : queries) {
      if (!KafkaTestSupport.eventually(() -> hasData(query))) {
        empty.add(query);
      }
    }

    assertThat(empty).as("panel queries without data").isEmpty();
  }

  @Test
  void everyPrometheusVariableShouldOfferItsDefaultValue() throws Exception {
    List<JsonNode> variables = new ArrayList<>();
    JSON.readTree(DASHBOARD.toFile())
        .path("templating")
        .path("list")
        .forEach(
            variable -> {
              if (variable.path("datasource").path("type").asText().equals("prometheus")) {
                variables.add(variable);
              }
            });
    assertThat(variables).extracting(v -> v.get("name").asText()).contains("exporter", "importer");

    for (JsonNode variable : variables) {
      // Grafana answers label_values(selector, label) from Prometheus' label values API
      Matcher query = LABEL_VALUES.matcher(variable.path("query").path("query").asText());
      assertThat(query.matches()).as(variable.toString()).isTrue();
      String selector = fill(query.group(1));
      String label = query.group(2);
      String expected = variable.path("current").path("value").asText();
      assertThat(KafkaTestSupport.eventually(() -> labelValues(selector, label).contains(expected)))
          .as("%s offers %s", variable.get("name"), expected)
          .isTrue();
    }
  }

  @Test
  void everyInfinityPanelShouldGetDataFromTheJsonApi() throws Exception {
    List<String> urls = targets("yesoreyeram-infinity-datasource", "url");
    assertThat(urls).isNotEmpty();

    for (String url : urls) {
      URI local =
          URI.create(
              "http://127.0.0.1:"
                  + web.port()
                  + URI.create(url).getRawPath()
                  + (URI.create(url).getRawQuery() == null
                      ? ""
                      : "?" + URI.create(url).getRawQuery()));
      HttpResponse<String> response =
          http.send(HttpRequest.newBuilder(local).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(response.body());
      assertThat(response.statusCode()).as(url).isEqualTo(200);
      assertThat(body.isArray() ? body : body.path("rows")).as(url).isNotEmpty();
    }
  }

  @Test
  void seriesApiShouldTellReportedAndDerivedValuesApart() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + web.port() + "/api/series/TUR/AZE"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    JsonNode rows = JSON.readTree(response.body()).path("rows");
    assertThat(rows.findValuesAsText("ytdSource")).contains("reported", "derived");
    assertThat(rows.findValuesAsText("period")).contains("2020-07", "2020-08", "2020-09");
  }

  @Test
  void healthAndAlertFiltersShouldAnswer() throws Exception {
    HttpResponse<String> health = get("/health");
    HttpResponse<String> firing = get("/api/alerts?exporter=TUR&importer=OMN&status=FIRING");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(firing.body()))
        .singleElement()
        .satisfies(
            alert ->
                assertThat(alert.get("alertId").asText())
                    .isEqualTo("TUR-OMN-defence-aerospace-TUR-month-threshold-2020-09"));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private List<String> labelValues(String selector, String label) {
    try {
      String url =
          prometheusUrl
              + "/api/v1/label/"
              + label
              + "/values?match[]="
              + URLEncoder.encode(selector, StandardCharsets.UTF_8);
      JsonNode answer =
          JSON.readTree(
              http.send(
                      HttpRequest.newBuilder(URI.create(url)).build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      List<String> values = new ArrayList<>();
      answer.path("data").forEach(value -> values.add(value.asText()));
      return values;
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  private boolean hasData(String query) {
    try {
      String url =
          prometheusUrl + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
      JsonNode answer =
          JSON.readTree(
              http.send(
                      HttpRequest.newBuilder(URI.create(url)).build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      return "success".equals(answer.path("status").asText())
          && !answer.path("data").path("result").isEmpty();
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The {@code field} of every target whose datasource is of {@code type}, variables filled in;
   * panels in rows included. (Panels name their datasource by a variable, not by uid.)
   */
  private static List<String> targets(String type, String field) throws IOException {
    List<String> values = new ArrayList<>();
    DashboardJson.read()
        .forEachTarget(
            type,
            (panel, target) -> {
              if (target.hasNonNull(field)) {
                values.add(fill(target.get(field).asText()));
              }
            });
    return values;
  }

  /** {@code text} with the dashboard's variables filled in. */
  private static String fill(String text) {
    String value = text;
    for (Map.Entry<String, String> variable : VARIABLES.entrySet()) {
      value = value.replace(variable.getKey(), variable.getValue());
    }
    return value;
  }

  private static Process startPrometheus(Path binary, int tradewatchPort) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: tradewatch
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """
            .formatted(tradewatchPort));
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    prometheusUrl = "http://127.0.0.1:" + port;
    HttpClient client = HttpClient.newHttpClient();
    boolean ready =
        KafkaTestSupport.eventually(
            () -> {
              try {
                return client
                        .send(
                            HttpRequest.newBuilder(URI.create(prometheusUrl + "/-/ready")).build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200;
              } catch (IOException e) {
                return false;
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
              }
            });
    assertThat(ready).as("Prometheus ready; log in " + dir.resolve("prometheus.log")).isTrue();
    return process;
  }
}
