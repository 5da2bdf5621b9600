package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.MonthSpike;
import dev.tradewatch.domain.rules.MonthThreshold;
import dev.tradewatch.domain.rules.Severity;
import dev.tradewatch.domain.rules.YtdRatio;
import dev.tradewatch.domain.series.Evidence;
import dev.tradewatch.domain.series.Provenance;
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
          2,
          Instant.parse("2020-10-02T00:00:00Z"),
          Instant.parse("2020-09-02T00:00:00Z"),
          List.of(
              new Evidence(
                  YearMonth.of(2020, 8),
                  Basis.MONTH,
                  3_600_000_000L,
                  Provenance.REPORTED,
                  "TIM",
                  Instant.parse("2020-09-02T00:00:00Z")),
              new Evidence(
                  YearMonth.of(2020, 1),
                  Basis.MONTH,
                  160_000_001L,
                  Provenance.SPAN_AVERAGE,
                  null,
                  Instant.parse("2020-10-02T00:00:00Z"))),
          "median of 12 months 2019-08..2020-07, 9 known");

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
  void shouldWriteAsOfMethodAndEvidenceWithTheSeriesReporter() {
    assertThat(AlertJson.toJson(SPIKE))
        .endsWith(
            """
            "version":2,"asOf":"2020-10-02T00:00:00Z","firstFiredAsOf":"2020-09-02T00:00:00Z",\
            "method":"median of 12 months 2019-08..2020-07, 9 known","evidence":[\
            {"period":"2020-08","basis":"month","valueUsd":36000000,"known":"reported",\
            "reporter":"TUR","source":"TIM","publishedAt":"2020-09-02T00:00:00Z"},\
            {"period":"2020-01","basis":"month","valueUsd":1600000.01,"known":"span-average",\
            "reporter":"TUR","source":null,"publishedAt":"2020-10-02T00:00:00Z"}]}""");
  }

  @Test
  void shouldReadAnAlertWrittenBeforeEvidenceWasKept() {
    String old =
        """
        {"alertId":"TUR-AZE-defence-aerospace-TUR-month-spike-2020-08","rule":"month-spike",\
        "status":"FIRING","severity":"critical","exporter":"TUR","importer":"AZE",\
        "category":"defence-aerospace","reporter":"TUR","period":"2020-08","observedUsd":36000000,\
        "baselineUsd":4285714.29,"ratio":8.4,"message":"…","detectedAt":"2026-11-27T23:10:00Z",\
        "version":1}""";

    Alert read = AlertJson.fromBytes(old.getBytes(StandardCharsets.UTF_8));

    assertThat(read.asOf()).isNull();
    assertThat(read.firstFiredAsOf()).isNull();
    assertThat(read.method()).isNull();
    assertThat(read.evidence()).isEmpty();
    assertThat(read.observedCents()).isEqualTo(3_600_000_000L);
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
