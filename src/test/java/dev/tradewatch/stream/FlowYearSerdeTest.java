package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewatch.domain.FlowTracker;
import dev.tradewatch.domain.FlowWindow;
import dev.tradewatch.domain.FlowYear;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.figures.FlowKey;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.figures.Usd;
import dev.tradewatch.domain.rules.DetectionConfig;
import dev.tradewatch.domain.series.Reported;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class FlowYearSerdeTest {

  private static final Instant NOW = Instant.parse("2026-11-27T23:10:00Z");
  private static final FlowKey FLOW = new FlowKey("TUR", "AZE", "defence-aerospace");

  @Test
  void shouldReadBackEveryReporterValueAndAlertOfAFlowYear() {
    FlowYear year = bothSides2020();
    assertThat(year.alerts()).isNotEmpty();
    assertThat(year.alertSubjects()).containsExactly("AZE", "TUR");

    FlowYear read = FlowYearSerde.read(FlowYearSerde.write(year));

    assertThat(read.flow()).isEqualTo(FLOW);
    assertThat(read.year()).isEqualTo(2020);
    assertThat(read.reporters()).containsExactly("AZE", "TUR");
    assertThat(read.reported("TUR")).isEqualTo(year.reported("TUR"));
    assertThat(read.reported("AZE")).isEqualTo(year.reported("AZE"));
    assertThat(read.alerts()).isEqualTo(year.alerts()); // evidence, asOf and method included
    assertThat(FlowYearSerde.write(read)).isEqualTo(FlowYearSerde.write(year));
  }

  @Test
  void shouldReadAlertsOnlyWhenLookedAtAndWriteUnreadOnesBackAsTheyWere() {
    FlowYear year =
        trackedYear(
            figure("TUR", "2020-07", Basis.MONTH, 278_880, "TIM"),
            figure("TUR", "2020-08", Basis.MONTH, 36_000_000, "TIM"));
    byte[] stored = FlowYearSerde.write(year);

    FlowYear unread = FlowYearSerde.read(stored);
    assertThat(unread.unreadAlerts()).isNotNull();
    assertThat(unread.isEmpty()).isFalse();
    unread.putReported(
        "TUR", figure("TUR", "2020-09", Basis.MONTH, 1, "TIM").id(), new Reported(100, NOW, "TIM"));
    FlowYear rewritten = FlowYearSerde.read(FlowYearSerde.write(unread));
    assertThat(rewritten.alerts()).isEqualTo(year.alerts()).isNotEmpty();
    assertThat(rewritten.reported("TUR")).hasSize(3);

    FlowYear looked = FlowYearSerde.read(stored);
    looked.putAlert(year.alerts().get(0).resolved(NOW));
    assertThat(looked.unreadAlerts()).isNull();
    assertThat(FlowYearSerde.read(FlowYearSerde.write(looked)).alerts().get(0).status())
        .isEqualTo(AlertStatus.RESOLVED);

    FlowYear none = FlowYearSerde.read(FlowYearSerde.write(new FlowYear(FLOW, 2021)));
    assertThat(none.unreadAlerts()).isNull();
    assertThat(none.isEmpty()).isTrue();
  }

  @Test
  void shouldReadAYearStoredInFormat1AndRewriteItInFormat2() throws IOException {
    byte[] format1; // bothSides2020() as written before format 2
    try (InputStream in = getClass().getResourceAsStream("/flow-year-format1.bin")) {
      format1 = in.readAllBytes();
    }
    FlowYear expected = bothSides2020();

    FlowYear read = FlowYearSerde.read(format1);
    assertThat(read.reported("TUR")).isEqualTo(expected.reported("TUR"));
    assertThat(read.reported("AZE")).isEqualTo(expected.reported("AZE"));
    assertThat(read.alerts()).isEqualTo(expected.alerts()).isNotEmpty();

    byte[] rewritten = FlowYearSerde.write(FlowYearSerde.read(format1)); // alerts copied unread
    assertThat(rewritten[0]).isEqualTo((byte) 2);
    assertThat(rewritten).hasSizeLessThan(format1.length);
    assertThat(rewritten).isEqualTo(FlowYearSerde.write(expected));
    assertThat(FlowYearSerde.read(rewritten).alerts()).isEqualTo(expected.alerts());
  }

  @Test
  void shouldKeepInstantsAndValuesFarFromTheYearExactly() {
    FlowYear year = new FlowYear(FLOW, 2020);
    Instant[] instants = {
      Instant.parse("0000-01-01T00:00:00Z"),
      Instant.parse("2019-12-31T23:59:59.999999999Z"),
      Instant.parse("2020-01-01T00:00:00Z"),
      Instant.parse("9999-12-31T23:59:59.5Z")
    };
    long[] cents = {0, 127, 128, Long.MAX_VALUE};
    for (int i = 0; i < instants.length; i++) {
      year.putReported(
          "TUR",
          figure("TUR", "2020-0" + (i + 1), Basis.MONTH, 1, null).id(),
          new Reported(cents[i], instants[i], i % 2 == 0 ? null : "source " + i));
    }

    assertThat(FlowYearSerde.read(FlowYearSerde.write(year)).reported("TUR"))
        .isEqualTo(year.reported("TUR"));
  }

  @Test
  void shouldRefuseAFormatItDoesNotKnow() {
    byte[] bytes = FlowYearSerde.write(new FlowYear(FLOW, 2020));
    bytes[0] = 9;

    assertThatThrownBy(() -> FlowYearSerde.read(bytes))
        .hasMessageContaining("unknown flow year format 9");
  }

  /** Both sides of the flow in 2020, with alerts of both. */
  private static FlowYear bothSides2020() {
    return trackedYear(
        figure("TUR", "2020-07", Basis.MONTH, 278_880, "TIM"),
        figure("TUR", "2020-08", Basis.MONTH, 36_000_000, "TIM"),
        figure("TUR", "2020-09", Basis.YTD, 123_000_000, null),
        figure("AZE", "2020-09", Basis.MONTH, 80_000_000, "TUIK"));
  }

  /** The flow's 2020 after tracking {@code figures} under the default rules. */
  private static FlowYear trackedYear(Figure... figures) {
    FlowWindow window = new FlowWindow(FLOW, year -> null);
    FlowTracker tracker = new FlowTracker(DetectionConfig.defaults());
    for (Figure figure : figures) {
      tracker.apply(window, figure, NOW);
    }
    return window.year(2020);
  }

  private static Figure figure(
      String reporter, String period, Basis basis, long usd, String source) {
    return new Figure(
        new SeriesKey("TUR", "AZE", "defence-aerospace", reporter),
        YearMonth.parse(period),
        basis,
        Usd.toCents(usd),
        source,
        Instant.parse(period + "-28T00:00:00Z").plusSeconds(86_400L * 40));
  }
}
