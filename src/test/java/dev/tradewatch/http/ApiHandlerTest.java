package dev.tradewatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradewatch.config.SettingsLoader;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.MonthSpike;
import dev.tradewatch.domain.rules.Severity;
import dev.tradewatch.stream.AlertJson;
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
    assertThat(unknown.body().get("error").asText())
        .isEqualTo("importer: expected an ISO 3166-1 alpha-3 code or WLD, found xyz");
  }

  @Test
  void shouldAnswerValidFiltersInAnyCaseOnceTheStateIsThere() {
    ApiHandler.Response response =
        handler().respond("GET", "/api/alerts", "exporter=tur&severity=HIGH&status=Active&limit=5");

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.body().get("status").asText()).isEqualTo("STARTING");
  }

  private static String badRequest(String query) {
    ApiHandler.Response response = handler().respond("GET", "/api/alerts", query);
    assertThat(response.status()).as(query).isEqualTo(400);
    assertThat(response.body().size()).isEqualTo(1);
    return response.body().get("error").asText();
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
