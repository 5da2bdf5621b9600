package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewatch.domain.SeriesState;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.FigureId;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.MonthSpike;
import dev.tradewatch.domain.rules.MonthThreshold;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Severity;
import dev.tradewatch.domain.rules.YtdRatio;
import dev.tradewatch.domain.series.Evidence;
import dev.tradewatch.domain.series.Provenance;
import dev.tradewatch.domain.series.Reported;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesStateSerdeTest {

  private static final SeriesKey SERIES = new SeriesKey("TUR", "AZE", "defence-aerospace", "TUR");
  private static final Instant PUBLISHED = Instant.parse("2020-10-02T00:00:00Z");
  private static final Instant DETECTED = Instant.parse("2026-11-27T23:10:00.123456789Z");

  /**
   * {@link #sample()} as format 1 wrote it (rules by enum ordinal: 0 month-threshold, 1 ytd-ratio,
   * 2 month-spike), produced by the serde of that time.
   */
  static final String FORMAT_1 =
      "0100035455520003415a450011646566656e63652d6165726f737061636500035455520000000400"
          + "005eac01000000007b61b180000000005d93e8800000000000005eb70000000000d693a400000000"
          + "005f766d800000000000005eb80000000001cb8d4380000000005f766d800000000000005eb80100"
          + "000002dd231b00000000005f766d8000000000000000040200005eb7020000000001cb8d43800000"
          + "00000000000000000000006b0a0dc8075bcd15000000030000005eb8000100000001cb8d43800000"
          + "00012a05f200010005312e353432000000006b0a0dc8075bcd15000000010100005eb80101000000"
          + "01cb8d4380000000007b61b180010005352e393432000000006b0a0dc8075bcd1500000002020000"
          + "5eb8000200000001cb8d43800000000001a989800100073237362e343633000000006b0a0dc8075b"
          + "cd1500000001";

  /** {@link #sample()} as format 2 wrote it (rules by name, no sources, no evidence). */
  static final String FORMAT_2 =
      "0200035455520003415a450011646566656e63652d6165726f737061636500035455520000000400"
          + "005eac01000000007b61b180000000005d93e8800000000000005eb70000000000d693a400000000"
          + "005f766d800000000000005eb80000000001cb8d4380000000005f766d800000000000005eb80100"
          + "000002dd231b00000000005f766d800000000000000004000b6d6f6e74682d7370696b6500005eb7"
          + "020000000001cb8d4380000000000000000000000000006b0a0dc8075bcd1500000003000f6d6f6e"
          + "74682d7468726573686f6c6400005eb8000100000001cb8d4380000000012a05f200010005312e35"
          + "3432000000006b0a0dc8075bcd150000000100097974642d726174696f00005eb8010100000001cb"
          + "8d4380000000007b61b180010005352e393432000000006b0a0dc8075bcd1500000002000b6d6f6e"
          + "74682d7370696b6500005eb8000200000001cb8d43800000000001a989800100073237362e343633"
          + "000000006b0a0dc8075bcd1500000001";

  @Test
  void shouldReadWhatItWrites() {
    SeriesState read = SeriesStateSerde.read(SeriesStateSerde.write(sample()));

    assertThat(contents(read)).isEqualTo(contents(sample()));
  }

  @Test
  void shouldReadSourcesAndEvidenceAsItWroteThem() {
    SeriesState read = SeriesStateSerde.read(SeriesStateSerde.write(sampleWithEvidence()));

    assertThat(contents(read)).isEqualTo(contents(sampleWithEvidence()));
    assertThat(read.reported(new FigureId(YearMonth.of(2020, 9), Basis.MONTH)).source())
        .isEqualTo("TIM");
    assertThat(read.alerts())
        .filteredOn(alert -> alert.rule() == MonthSpike.RULE)
        .allSatisfy(alert -> assertThat(alert.evidence()).hasSize(2));
  }

  @Test
  void shouldWriteFormat3WithRulesByName() {
    byte[] bytes = SeriesStateSerde.write(sample());

    assertThat(bytes[0]).isEqualTo((byte) 3);
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .contains("month-threshold", "ytd-ratio", "month-spike");
  }

  @Test
  void shouldRefuseAnUnknownFormat() {
    byte[] bytes = SeriesStateSerde.write(sample());
    bytes[0] = 4;

    assertThatThrownBy(() -> SeriesStateSerde.read(bytes))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("unknown series state format 4");
  }

  @Test
  void shouldReadFormat2IntoTheSameStateWithoutSourcesOrEvidence() {
    SeriesState read = SeriesStateSerde.read(HexFormat.of().parseHex(FORMAT_2));

    assertThat(contents(read)).isEqualTo(contents(sample()));
  }

  @Test
  void shouldReadFormat1IntoTheSameState() {
    SeriesState read = SeriesStateSerde.read(HexFormat.of().parseHex(FORMAT_1));

    assertThat(contents(read)).isEqualTo(contents(sample()));
  }

  /** What a state holds, as values that compare by equality. */
  static List<Object> contents(SeriesState state) {
    return List.of(state.series(), Map.copyOf(state.reported()), List.copyOf(state.alerts()));
  }

  /** A state with every rule, status and severity, and an alert without a ratio. */
  static SeriesState sample() {
    SeriesState state = new SeriesState(SERIES);
    state.putReported(
        new FigureId(YearMonth.of(2019, 9), Basis.YTD),
        new Reported(2_070_000_000L, Instant.parse("2019-10-02T00:00:00Z")));
    state.putReported(
        new FigureId(YearMonth.of(2020, 8), Basis.MONTH), new Reported(3_600_000_000L, PUBLISHED));
    state.putReported(
        new FigureId(YearMonth.of(2020, 9), Basis.MONTH), new Reported(7_710_000_000L, PUBLISHED));
    state.putReported(
        new FigureId(YearMonth.of(2020, 9), Basis.YTD), new Reported(12_300_000_000L, PUBLISHED));
    state.putAlert(
        alert(MonthSpike.RULE, "2020-08", AlertStatus.RESOLVED, Severity.MEDIUM, 0, null, 3));
    state.putAlert(
        alert(
            MonthThreshold.RULE,
            "2020-09",
            AlertStatus.FIRING,
            Severity.HIGH,
            5_000_000_000L,
            "1.542",
            1));
    state.putAlert(
        alert(
            YtdRatio.RULE,
            "2020-09",
            AlertStatus.UPDATED,
            Severity.HIGH,
            2_070_000_000L,
            "5.942",
            2));
    state.putAlert(
        alert(
            MonthSpike.RULE,
            "2020-09",
            AlertStatus.FIRING,
            Severity.CRITICAL,
            27_888_000L,
            "276.463",
            1));
    return state;
  }

  /**
   * {@link #sample()} with a source on every reported value and evidence on every alert: what
   * format 3 adds.
   */
  static SeriesState sampleWithEvidence() {
    SeriesState plain = sample();
    SeriesState state = new SeriesState(SERIES);
    plain
        .reported()
        .forEach(
            (id, value) ->
                state.putReported(
                    id, new Reported(value.valueCents(), value.publishedAt(), "TIM")));
    for (Alert alert : plain.alerts()) {
      Evidence month =
          new Evidence(
              alert.period(),
              Basis.MONTH,
              alert.observedCents(),
              Provenance.REPORTED,
              "TIM",
              PUBLISHED);
      Evidence base =
          new Evidence(
              YearMonth.of(2019, 9),
              Basis.YTD,
              2_070_000_000L,
              alert.rule() == YtdRatio.RULE ? Provenance.REPORTED : Provenance.SPAN_AVERAGE,
              null,
              Instant.parse("2019-10-02T00:00:00Z"));
      List<Evidence> evidence =
          alert.rule() == MonthThreshold.RULE ? List.of(month) : List.of(month, base);
      state.putAlert(
          new Alert(
              SERIES,
              alert.rule(),
              alert.period(),
              alert.status(),
              alert.severity(),
              alert.observedCents(),
              alert.baselineCents(),
              alert.ratio(),
              DETECTED,
              alert.version(),
              PUBLISHED,
              Instant.parse("2020-09-02T00:00:00Z"),
              evidence,
              "median of 12 months 2019-08..2020-07, 3 known"));
    }
    return state;
  }

  private static Alert alert(
      Rule<?> rule,
      String period,
      AlertStatus status,
      Severity severity,
      long baselineCents,
      String ratio,
      int version) {
    return new Alert(
        SERIES,
        rule,
        YearMonth.parse(period),
        status,
        severity,
        7_710_000_000L,
        baselineCents,
        ratio == null ? null : new BigDecimal(ratio),
        DETECTED,
        version);
  }
}
