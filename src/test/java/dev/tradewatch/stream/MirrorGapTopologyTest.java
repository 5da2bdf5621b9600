package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.replay.FigureFileReader;
import dev.tradewatch.replay.FileFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mirror-gap} on the real topology: a flow's two reporters meet in one state. */
class MirrorGapTopologyTest {

  private static final String GAP = "ISR-AZE-93-mirror-gap-2020-09";

  private final TopologyFixture fixture = new TopologyFixture();

  @TempDir Path dir;

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void shouldRaiseAFlowAlertWhenTheImportersFigureIsManyTimesTheExporters() {
    fixture.send(figure("ISR", 3_200_000, "2020-10-15"));
    fixture.send(figure("AZE", 41_000_000, "2020-11-20"));

    Alert gap = TopologyFixture.latest(fixture.readAlerts()).get(GAP);
    assertThat(gap).isNotNull();
    assertThat(AlertJson.toJson(gap))
        .isEqualTo(
            """
                {"alertId":"ISR-AZE-93-mirror-gap-2020-09","rule":"mirror-gap","status":"FIRING",\
                "severity":"critical","exporter":"ISR","importer":"AZE","category":"93","reporter":"both",\
                "period":"2020-09","observedUsd":41000000,"baselineUsd":3200000,"ratio":12.812,\
                "message":"ISR→AZE 2020-09: AZE reports $41.0M of imports from ISR; ISR reports $3.2M of exports to AZE: 12.812×",\
                "detectedAt":"2026-11-27T23:10:00Z","version":1,"asOf":"2020-11-20T00:00:00Z",\
                "firstFiredAsOf":"2020-11-20T00:00:00Z",\
                "method":"month 2020-09 as the importer (reported) and the exporter (reported) report it",\
                "evidence":[{"period":"2020-09","basis":"month","valueUsd":41000000,"known":"reported",\
                "reporter":"AZE","source":null,"publishedAt":"2020-11-20T00:00:00Z"},\
                {"period":"2020-09","basis":"month","valueUsd":3200000,"known":"reported",\
                "reporter":"ISR","source":null,"publishedAt":"2020-10-15T00:00:00Z"}]}""");
    assertThat(AlertJson.fromBytes(AlertJson.toBytes(gap))).isEqualTo(gap);
  }

  @Test
  void shouldRaiseTheSameAlertWhicheverSideArrivesFirstAndResolveWhenARevisionClosesTheGap() {
    fixture.send(figure("AZE", 41_000_000, "2020-11-20"));
    fixture.send(figure("ISR", 3_200_000, "2020-10-15"));
    assertThat(TopologyFixture.latest(fixture.readAlerts()).get(GAP).observedCents())
        .isEqualTo(41_000_000_00L);

    fixture.send(figure("ISR", 39_000_000, "2021-01-10")); // Israel revises its exports

    Alert resolved = TopologyFixture.latest(fixture.readAlerts()).get(GAP);
    assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(resolved.baselineCents()).isEqualTo(39_000_000_00L);
  }

  @Test
  void shouldStayQuietOnTheUsualDifferenceBetweenImportsAndExports() {
    fixture.send(figure("ISR", 40_000_000, "2020-10-15"));
    fixture.send(figure("AZE", 42_400_000, "2020-11-20"));

    assertThat(TopologyFixture.latest(fixture.readAlerts())).doesNotContainKey(GAP);
  }

  @Test
  void shouldRaiseAMirrorGapFromAComtradeFileWhoseExportAndImportRowsDifferFivefold()
      throws IOException {
    Path file = dir.resolve("TradeData_2020.csv");
    Files.writeString(
        file,
        """
            freqCode,period,reporterISO,partnerISO,flowCode,cmdCode,primaryValue
            M,202009,ISR,AZE,X,93,8000000
            M,202009,AZE,ISR,M,93,40000000
            """,
        StandardCharsets.UTF_8);
    try (FigureFileReader reader = FigureFileReader.open(file, FileFormat.COMTRADE, true, null)) {
      for (byte[] figure = reader.next(); figure != null; figure = reader.next()) {
        fixture.send(new String(figure, StandardCharsets.UTF_8));
      }
    }

    Map<String, Alert> alerts = TopologyFixture.latest(fixture.readAlerts());
    assertThat(alerts).containsKey(GAP);
    Alert gap = alerts.get(GAP);
    assertThat(gap.observedCents()).isEqualTo(40_000_000_00L); // AZE's imports (the M row)
    assertThat(gap.baselineCents()).isEqualTo(8_000_000_00L); // ISR's exports (the X row)
    assertThat(gap.ratio()).isEqualByComparingTo("5");
    assertThat(fixture.deadLetters.isEmpty()).isTrue();
  }

  private static String figure(String reporter, long usd, String publishedOn) {
    return """
        {"exporter":"ISR","importer":"AZE","period":"2020-09","valueUsd":%d,"category":"93",\
        "reporter":"%s","publishedAt":"%sT00:00:00Z"}"""
        .formatted(usd, reporter, publishedOn);
  }
}
