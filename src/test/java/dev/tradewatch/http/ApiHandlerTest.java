package dev.tradewatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
