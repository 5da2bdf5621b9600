package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.MirrorGap;
import dev.tradewatch.domain.rules.MonthThreshold;
import dev.tradewatch.domain.rules.Severity;
import dev.tradewatch.domain.rules.SourceSilent;
import dev.tradewatch.domain.series.Evidence;
import dev.tradewatch.domain.series.Provenance;
import dev.tradewatch.testing.Schemas;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The alert schema accepts every shape {@link AlertJson} writes and is strict enough to notice when
 * one of them changes.
 */
class AlertSchemaTest {

  private static final Instant DETECTED = Instant.parse("2026-11-27T23:10:00.123Z");
  private static final Instant PUBLISHED = Instant.parse("2020-10-02T00:00:00Z");

  private static final Alert THRESHOLD =
      new Alert(
          new SeriesKey("TUR", "AZE", "defence-aerospace", "TUR"),
          MonthThreshold.RULE,
          YearMonth.of(2020, 9),
          AlertStatus.FIRING,
          Severity.HIGH,
          7_710_000_000L,
          5_000_000_000L,
          new BigDecimal("1.542"),
          DETECTED,
          1,
          PUBLISHED,
          PUBLISHED,
          List.of(month(2020, 9, 7_710_000_000L, "TIM")),
          "month 2020-09 reported against a fixed threshold");

  private static final Alert MIRROR_GAP =
      new Alert(
          new SeriesKey("ISR", "AZE", "93", SeriesKey.BOTH),
          MirrorGap.RULE,
          YearMonth.of(2023, 5),
          AlertStatus.UPDATED,
          Severity.CRITICAL,
          4_100_000_000L,
          0L,
          null,
          DETECTED,
          2,
          PUBLISHED,
          PUBLISHED,
          List.of(
              month(2023, 5, 4_100_000_000L, null).reportedBy("AZE"),
              month(2023, 5, 0L, "SIPRI").reportedBy("ISR")),
          "month 2023-05 as each reporter gives it");

  private static final Alert SOURCE_SILENT =
      new Alert(
          SeriesKey.source("TUR", "defence-aerospace"),
          SourceSilent.RULE,
          YearMonth.of(2021, 12),
          AlertStatus.FIRING,
          Severity.MEDIUM,
          0L,
          0L,
          null,
          DETECTED,
          1,
          PUBLISHED,
          PUBLISHED,
          List.of(month(2021, 12, 1_000_000L, "TIM").reportedBy("TUR")),
          "last 12 periods 2021-01..2021-12: every 1 month(s)");

  /** As stored before evidence was kept: asOf, firstFiredAsOf and method null, no evidence. */
  private static final Alert LEGACY =
      new Alert(
          new SeriesKey("TUR", "OMN", "total", "TUR"),
          MonthThreshold.RULE,
          YearMonth.of(2020, 9),
          AlertStatus.RESOLVED,
          Severity.HIGH,
          4_000_000_000L,
          5_000_000_000L,
          new BigDecimal("0.8"),
          DETECTED,
          3);

  @Test
  void shouldAcceptEveryShapeTheWriterHas() {
    for (Alert alert : List.of(THRESHOLD, MIRROR_GAP, SOURCE_SILENT, LEGACY)) {
      assertThat(Schemas.alertErrors(node(alert))).as(AlertJson.toJson(alert)).isEmpty();
    }
  }

  @Test
  void shouldRefuseAnAlertWithAFieldMoreOrLess() {
    assertRefused(THRESHOLD, alert -> alert.put("comment", "new field"));
    assertRefused(THRESHOLD, alert -> alert.remove("evidence"));
    assertRefused(LEGACY, alert -> alert.remove("asOf"));
    assertRefused(THRESHOLD, alert -> alert.withArray("evidence").addObject().put("period", "x"));
    assertRefused(
        THRESHOLD, alert -> ((ObjectNode) alert.withArray("evidence").get(0)).put("note", "x"));
  }

  @Test
  void shouldRefuseAMixUpOfTheSeriesFlowAndSourceShapes() {
    assertRefused(SOURCE_SILENT, alert -> alert.put("exporter", "TUR"));
    assertRefused(SOURCE_SILENT, alert -> alert.put("observedUsd", 0));
    assertRefused(THRESHOLD, alert -> alert.putNull("importer"));
    assertRefused(THRESHOLD, alert -> alert.putNull("observedUsd"));
    assertRefused(THRESHOLD, alert -> alert.put("reporter", "both"));
    assertRefused(MIRROR_GAP, alert -> alert.put("reporter", "AZE"));
    // a flow's evidence names each side's reporter, never "both"
    assertRefused(
        MIRROR_GAP,
        alert -> ((ObjectNode) alert.withArray("evidence").get(0)).put("reporter", "both"));
  }

  @Test
  void shouldRefuseValuesOutsideTheirRangesAndWords() {
    assertRefused(THRESHOLD, alert -> alert.put("severity", "medium")); // not on its ladder
    assertRefused(THRESHOLD, alert -> alert.put("status", "OPEN"));
    assertRefused(THRESHOLD, alert -> alert.put("rule", "threshold"));
    assertRefused(THRESHOLD, alert -> alert.put("version", 0));
    assertRefused(THRESHOLD, alert -> alert.put("observedUsd", new BigDecimal("77100000.001")));
    assertRefused(THRESHOLD, alert -> alert.put("baselineUsd", -1));
    assertRefused(THRESHOLD, alert -> alert.put("ratio", new BigDecimal("1.5421")));
    assertRefused(THRESHOLD, alert -> alert.put("detectedAt", "yesterday"));
    assertRefused(THRESHOLD, alert -> alert.put("asOf", "2020-10-02"));
    assertRefused(THRESHOLD, alert -> alert.put("period", "2020-9"));
    assertRefused(THRESHOLD, alert -> alert.put("category", " defence-aerospace"));
    assertRefused(THRESHOLD, alert -> alert.put("exporter", "XXX"));
    assertRefused(
        THRESHOLD,
        alert -> alert.put("alertId", "TUR-AZE-defence-aerospace-TUR-month-spike-2020-09"));
    assertRefused(
        THRESHOLD,
        alert -> ((ObjectNode) alert.withArray("evidence").get(0)).put("known", "guessed"));
  }

  private static void assertRefused(Alert alert, Consumer<ObjectNode> change) {
    ObjectNode changed = node(alert);
    change.accept(changed);
    assertThat(Schemas.alertErrors(changed)).as(changed.toString()).isNotEmpty();
  }

  private static ObjectNode node(Alert alert) {
    return (ObjectNode) Schemas.tree(AlertJson.toBytes(alert));
  }

  private static Evidence month(int year, int month, long cents, String source) {
    return new Evidence(
        YearMonth.of(year, month), Basis.MONTH, cents, Provenance.REPORTED, source, PUBLISHED);
  }
}
