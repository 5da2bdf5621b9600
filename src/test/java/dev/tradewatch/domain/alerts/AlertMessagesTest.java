package dev.tradewatch.domain.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.MonthSpike;
import dev.tradewatch.domain.rules.MonthThreshold;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Severity;
import dev.tradewatch.domain.rules.YtdRatio;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The published sentence of each rule, word for word: consumers may parse or display it. */
class AlertMessagesTest {

  static final SeriesKey SERIES = new SeriesKey("TUR", "AZE", "defence-aerospace", "TUR");

  @Test
  void shouldDescribeAMonthAtOrAboveTheThreshold() {
    assertThat(alert(MonthThreshold.RULE, "2020-09", 7_710_000_000L, 5_000_000_000L).message())
        .isEqualTo("TUR→AZE 2020-09: $77.1M in one month, at or above the $50.0M threshold");
  }

  @Test
  void shouldDescribeAYtdRatioAgainstLastYearsSpan() {
    assertThat(alert(YtdRatio.RULE, "2020-09", 12_300_000_000L, 2_070_000_000L).message())
        .isEqualTo("TUR→AZE 2020-09: $123.0M year to date, 5.942× the $20.7M of Jan–Sep 2019");
    assertThat(alert(YtdRatio.RULE, "2020-01", 2_000_000_000L, 0).message())
        .isEqualTo("TUR→AZE 2020-01: $20.0M year to date, against the $0 of Jan 2019");
  }

  @Test
  void shouldDescribeAMonthSpikeAgainstTheTypicalMonth() {
    assertThat(alert(MonthSpike.RULE, "2020-09", 7_710_000_000L, 3_600_000_000L).message())
        .isEqualTo(
            "TUR→AZE 2020-09: $77.1M in one month, 2.142× the typical $36.0M of the previous 12"
                + " months");
  }

  @Test
  void shouldSayARuleNoLongerFiresWithTheNumbersAsTheyNowStand() {
    assertThat(resolved(MonthThreshold.RULE, 4_000_000_000L, 5_000_000_000L).message())
        .isEqualTo(
            "TUR→AZE 2020-09: month-threshold no longer fires: $40.0M, below the $50.0M threshold");
    assertThat(resolved(YtdRatio.RULE, 3_000_000_000L, 2_070_000_000L).message())
        .isEqualTo(
            "TUR→AZE 2020-09: ytd-ratio no longer fires: $30.0M year to date, 1.449× the $20.7M"
                + " of Jan–Sep 2019");
    assertThat(resolved(MonthSpike.RULE, 300_000_000L, 250_000_000L).message())
        .isEqualTo(
            "TUR→AZE 2020-09: month-spike no longer fires: $3.0M in one month, 1.2× the typical"
                + " $2.5M of the previous 12 months");
  }

  @Test
  void shouldSayAThresholdLastFiredWhenTheMonthIsNoLongerKnown() {
    Alert threshold = alert(MonthThreshold.RULE, "2020-09", 7_710_000_000L, 5_000_000_000L);

    assertThat(threshold.resolved(threshold.detectedAt()).message())
        .isEqualTo(
            "TUR→AZE 2020-09: month-threshold no longer fires: it last fired at $77.1M, at or"
                + " above the $50.0M threshold");
  }

  /** A resolved alert with {@code observed}/{@code baseline} as they now stand. */
  static Alert resolved(Rule<?> rule, long observedCents, long baselineCents) {
    Alert firing = alert(rule, "2020-09", observedCents, baselineCents);
    return new Alert(
        firing.series(),
        rule,
        firing.period(),
        AlertStatus.RESOLVED,
        firing.severity(),
        observedCents,
        baselineCents,
        firing.ratio(),
        firing.detectedAt(),
        2);
  }

  /** A firing alert with the ratio worked out as the detector does. */
  static Alert alert(Rule<?> rule, String period, long observedCents, long baselineCents) {
    BigDecimal ratio =
        baselineCents == 0
            ? null
            : BigDecimal.valueOf(observedCents)
                .divide(BigDecimal.valueOf(baselineCents), 3, RoundingMode.HALF_EVEN);
    return new Alert(
        SERIES,
        rule,
        YearMonth.parse(period),
        AlertStatus.FIRING,
        Severity.HIGH,
        observedCents,
        baselineCents,
        ratio,
        Instant.parse("2026-11-27T23:10:00Z"),
        1);
  }
}
