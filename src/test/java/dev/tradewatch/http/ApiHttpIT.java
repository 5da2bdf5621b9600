package dev.tradewatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradewatch.config.Settings;
import dev.tradewatch.testing.BrokerPerClass;
import dev.tradewatch.testing.KafkaTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API over real HTTP and a running monitor: country codes in any case, filters that could never
 * match answered 400 with one line rather than 200 [], and the schemas served as shipped.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hung broker or client fails the test, not CI
class ApiHttpIT extends BrokerPerClass {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir Path stateDir;

  @Test
  void shouldAnswerAnyCaseAlikeAndBadFiltersWith400() throws Exception {
    Settings settings =
        KafkaTestSupport.isolatedSettings(
            broker.bootstrapServers(),
            stateDir,
            Map.of(
                "tradewatch.http.port", "0",
                "tradewatch.http.bind-address", "127.0.0.1",
                "tradewatch.http.advertised-host", "127.0.0.1"));
    try (ServedMonitor served = ServedMonitor.start(settings, Clock.systemUTC())) {
      KafkaTestSupport.produce(broker.bootstrapServers(), settings.topics().input(), seedCase());
      String base = served.baseUrl();
      // all seven figures processed: six alerts (the last needs 2020's ytd), and July's row
      assertThat(
              KafkaTestSupport.eventually(
                  () ->
                      alertCount(base + "/api/alerts") == 6
                          && get(base + "/api/series/TUR/AZE").body().contains("\"2020-07\"")))
          .isTrue();

      assertThat(get(base + "/api/series/tur/aze").body())
          .isEqualTo(get(base + "/api/series/TUR/AZE").body())
          .contains("\"exporter\":\"TUR\"");
      assertThat(alertCount(base + "/api/alerts?exporter=tur&severity=HIGH&status=Active"))
          .isEqualTo(alertCount(base + "/api/alerts?exporter=TUR&severity=high&status=active"))
          .isPositive();

      HttpResponse<String> bogus = get(base + "/api/alerts?severity=bogus");
      HttpResponse<String> negative = get(base + "/api/alerts?limit=-1");
      assertThat(bogus.statusCode()).isEqualTo(400);
      assertThat(bogus.body())
          .isEqualTo(
              "{\"error\":\"severity: expected one of medium, high, critical, found bogus\"}");
      assertThat(negative.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(negative.body()).get("error").asText())
          .isEqualTo("limit: expected a whole number ≥ 1, found -1");

      HttpResponse<String> schema = get(base + "/schema/figure.json");
      assertThat(schema.statusCode()).isEqualTo(200);
      assertThat(schema.headers().firstValue("Content-Type")).contains("application/schema+json");
      assertThat(schema.body()).isEqualTo(resource("/schema/figure.json"));
    }
  }

  private static int alertCount(String url) {
    HttpResponse<String> response = get(url);
    if (response.statusCode() != 200) {
      return -1; // the state may not be queryable yet
    }
    try {
      JsonNode alerts = JSON.readTree(response.body());
      return alerts.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpResponse<String> get(String url) {
    try {
      return CLIENT.send(
          HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> seedCase() throws IOException {
    return resource("/seed-case.jsonl").lines().filter(line -> !line.isBlank()).toList();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ApiHttpIT.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
