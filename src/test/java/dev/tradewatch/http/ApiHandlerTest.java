package dev.tradewatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradewatch.config.SettingsLoader;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.MonthSpike;
import dev.tradewatch.domain.rules.Severity;
import dev.tradewatch.stream.AlertJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiHandlerTest {

  private static final ObjectMapper PLAIN = new ObjectMapper();

  @Test
  void shouldServeAlertsAsTheTopicHasThemAlsoWhenAnotherInstanceAnswered() throws Exception {
    Alert local = alert("2020-08", "8.400", "2026-11-27T23:10:00Z");
    Alert remote = alert("2020-09", "5.940", "2026-11-27T23:11:00Z");
    // what another instance's answer looks like once parsed here
    Alert relayed = AlertJson.fromNode(PLAIN.readTree(AlertJson.toBytes(remote)));

    String body = PLAIN.writeValueAsString(ApiHandler.newestFirst(List.of(local, relayed), 10));

    assertThat(body)
        .isEqualTo("[" + AlertJson.toJson(remote) + "," + AlertJson.toJson(local) + "]")
        .contains("\"ratio\":5.940,", "\"ratio\":8.400,");
  }

  @Test
  void shouldKeepTheNewestUpToTheLimit() {
    Alert older = alert("2020-08", "8.400", "2026-11-27T23:10:00Z");
    Alert newer = alert("2020-09", "5.940", "2026-11-27T23:11:00Z");

    assertThat(ApiHandler.newestFirst(List.of(older, newer), 1))
        .singleElement()
        .satisfies(node -> assertThat(node.get("period").asText()).isEqualTo("2020-09"));
  }

  @Test
  void shouldAnswerBadFilterValuesWith400NamingWhatIsValid() {
    assertThat(badRequest("severity=bogus"))
        .isEqualTo("severity: expected one of medium, high, critical, found bogus");
    assertThat(badRequest("status=open"))
        .isEqualTo("status: expected one of FIRING, UPDATED, RESOLVED, active, found open");
    assertThat(badRequest("rule=threshold"))
        .isEqualTo(
            "rule: expected one of month-threshold, ytd-ratio, month-spike, mirror-gap,"
                + " dormant-partner, source-silent, found threshold");
    assertThat(badRequest("exporter=turkey"))
        .isEqualTo("exporter: expected an ISO 3166-1 alpha-3 code or WLD, found turkey");
  }

  @Test
  void shouldAnswerALimitThatIsNotAPositiveWholeNumberWith400() {
    assertThat(badRequest("limit=abc")).isEqualTo("limit: expected a whole number ≥ 1, found abc");
    assertThat(badRequest("limit=-1")).isEqualTo("limit: expected a whole number ≥ 1, found -1");
    assertThat(badRequest("limit=0")).isEqualTo("limit: expected a whole number ≥ 1, found 0");
  }

  @Test
  void shouldAnswerAnUnknownParameterOrAMalformedQueryWith400() {
    assertThat(badRequest("sevirity=critical"))
        .isEqualTo(
            "unknown parameter sevirity; expected exporter, importer, category, rule, severity,"
                + " status, limit, scope");
    assertThat(badRequest("exporter=%zz")).startsWith("malformed query: ");
  }

  @Test
  void shouldTakeCountryCodesInAnyCaseInThePath() {
    ApiHandler.Response response = handler().respond("GET", "/api/series/tur/aze", null);
    ApiHandler.Response unknown = handler().respond("GET", "/api/series/tur/xyz", null);

    // valid, so it reaches the state, which a handler without a monitor does not have yet
    assertThat(response.status()).isEqualTo(503);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(json(unknown).get("error").asText())
        .isEqualTo("importer: expected an ISO 3166-1 alpha-3 code or WLD, found xyz");
  }

  @Test
  void shouldAnswerValidFiltersInAnyCaseOnceTheStateIsThere() {
    ApiHandler.Response response =
        handler().respond("GET", "/api/alerts", "exporter=tur&severity=HIGH&status=Active&limit=5");

    assertThat(response.status()).isEqualTo(503);
    assertThat(json(response).get("status").asText()).isEqualTo("STARTING");
  }

  @Test
  void shouldServeTheSchemasAsShippedBeforeTheStateIsThere() throws Exception {
    for (String name : List.of("figure.json", "alert.json")) {
      ApiHandler.Response response = handler().respond("GET", "/schema/" + name, null);

      assertThat(response.status()).as(name).isEqualTo(200);
      assertThat(response.contentType()).isEqualTo("application/schema+json");
      try (InputStream shipped = getClass().getResourceAsStream("/schema/" + name)) {
        assertThat(response.body()).isEqualTo(shipped.readAllBytes());
      }
      assertThat(json(response).get("$id").asText()).endsWith("/schema/" + name);
    }
  }

  @Test
  void shouldAnswerOtherSchemaPathsWith404NamingTheSchemas() {
    for (String path : List.of("/schema", "/schema/", "/schema/rules.json", "/schema/alert")) {
      ApiHandler.Response response = handler().respond("GET", path, null);

      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(response.contentType()).startsWith("application/json");
      assertThat(json(response).get("error").asText())
          .isEqualTo("no such schema; try /schema/figure.json, /schema/alert.json");
    }
    assertThat(json(handler().respond("GET", "/nothing", null)).get("error").asText())
        .endsWith(", /schema/figure.json, /schema/alert.json");
    assertThat(handler().respond("POST", "/schema/alert.json", null).status()).isEqualTo(405);
  }

  private static String badRequest(String query) {
    ApiHandler.Response response = handler().respond("GET", "/api/alerts", query);
    assertThat(response.status()).as(query).isEqualTo(400);
    assertThat(json(response).size()).isEqualTo(1);
    return json(response).get("error").asText();
  }

  private static JsonNode json(ApiHandler.Response response) {
    try {
      return PLAIN.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ApiHandler handler() {
    return new ApiHandler(new HttpSecurity(SettingsLoader.defaults().http()));
  }

  private static Alert alert(String period, String ratio, String detectedAt) {
    return new Alert(
        new SeriesKey("TUR", "AZE", "defence-aerospace", "TUR"),
        MonthSpike.RULE,
        YearMonth.parse(period),
        AlertStatus.FIRING,
        Severity.MEDIUM,
        3_600_000_000L,
        428_571_429L,
        new BigDecimal(ratio),
        Instant.parse(detectedAt),
        1);
  }
}
