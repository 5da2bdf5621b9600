package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.MonthSpike;
import dev.tradewatch.domain.rules.MonthThreshold;
import dev.tradewatch.domain.rules.Severity;
import dev.tradewatch.domain.rules.YtdRatio;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One writer: the topic's serde, the JSON lines of backtest --output, and alerts read back. */
class AlertJsonTest {

  static final Alert SPIKE =
      new Alert(
          new SeriesKey("TUR", "AZE", "defence-aerospace", "TUR"),
          MonthSpike.RULE,
          YearMonth.of(2020, 8),
          AlertStatus.UPDATED,
          Severity.CRITICAL,
          3_600_000_000L,
          428_571_429L,
          new BigDecimal("8.400"),
          Instant.parse("2026-11-27T23:10:00.123Z"),
          2);

  @Test
  void shouldWriteTheSameBytesToTheTopicAndToJsonLines() throws IOException {
    byte[] topic = new AlertJson().serializer().serialize("trade.alerts", SPIKE);
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    AlertJson.writeLines(List.of(SPIKE, SPIKE), lines);

    String line = new String(topic, StandardCharsets.UTF_8);
    assertThat(line).contains("\"ratio\":8.400,", "\"observedUsd\":36000000,");
    assertThat(AlertJson.toJson(SPIKE)).isEqualTo(line);
    assertThat(lines.toString(StandardCharsets.UTF_8)).isEqualTo(line + "\n" + line + "\n");
  }

  @Test
  void shouldWriteAnAlertReadBackFromJsonAsTheSameBytes() {
    Alert cents =
        new Alert(
            SPIKE.series(),
            MonthThreshold.RULE,
            SPIKE.period(),
            AlertStatus.FIRING,
            Severity.HIGH,
            999_999_999_999_999L, // $9,999,999,999,999.99: more digits than a double keeps
            5_000_000_000L,
            new BigDecimal("200.000"),
            SPIKE.detectedAt(),
            1);
    Alert noRatio =
        new Alert(
            SPIKE.series(),
            YtdRatio.RULE,
            SPIKE.period(),
            AlertStatus.RESOLVED,
            Severity.CRITICAL,
            1_000_000_050L,
            0,
            null,
            SPIKE.detectedAt(),
            3);

    for (Alert alert : List.of(SPIKE, cents, noRatio)) {
      byte[] written = AlertJson.toBytes(alert);
      assertThat(AlertJson.toBytes(AlertJson.fromBytes(written)))
          .asString(StandardCharsets.UTF_8)
          .isEqualTo(new String(written, StandardCharsets.UTF_8));
    }
  }
}
