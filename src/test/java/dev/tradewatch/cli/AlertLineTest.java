package dev.tradewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.MonthSpike;
import dev.tradewatch.domain.rules.MonthThreshold;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Severity;
import dev.tradewatch.domain.rules.YtdRatio;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertLineTest {

  @Test
  void shouldShowAThresholdAsAComparison() {
    assertThat(AlertLine.format(alert(MonthThreshold.RULE, "total", 5_000_000_000L, "1.542")))
        .isEqualTo("FIRING    high      TUR→AZE  2020-09  month-threshold  $77.1M ≥ $50.0M");
  }

  @Test
  void shouldShowRatiosWithTheirFactorAndTheCategory() {
    assertThat(AlertLine.format(alert(YtdRatio.RULE, "defence", 2_070_000_000L, "3.725")))
        .isEqualTo(
            "FIRING    high      TUR→AZE  2020-09  ytd-ratio        $77.1M vs $20.7M (3.725×)"
                + " [defence]");
    assertThat(AlertLine.format(alert(MonthSpike.RULE, "total", 0, null)))
        .isEqualTo(
            "FIRING    high      TUR→AZE  2020-09  month-spike      $77.1M vs $0 (from zero)");
  }

  @Test
  void shouldShowTheDayTheNumbersBecameKnowable() {
    Alert plain = alert(MonthThreshold.RULE, "defence", 5_000_000_000L, "1.542");
    Alert withAsOf =
        new Alert(
            plain.series(),
            plain.rule(),
            plain.period(),
            plain.status(),
            plain.severity(),
            plain.observedCents(),
            plain.baselineCents(),
            plain.ratio(),
            plain.detectedAt(),
            plain.version(),
            Instant.parse("2020-10-02T00:00:00Z"),
            Instant.parse("2020-10-02T00:00:00Z"),
            List.of(),
            "month 2020-09 reported against a fixed threshold");

    assertThat(AlertLine.format(withAsOf))
        .isEqualTo(
            "FIRING    high      TUR→AZE  2020-09  month-threshold  $77.1M ≥ $50.0M as of"
                + " 2020-10-02 [defence]");
  }

  private static Alert alert(Rule<?> rule, String category, long baselineCents, String ratio) {
    return new Alert(
        new SeriesKey("TUR", "AZE", category, "TUR"),
        rule,
        YearMonth.of(2020, 9),
        AlertStatus.FIRING,
        Severity.HIGH,
        7_710_000_000L,
        baselineCents,
        ratio == null ? null : new BigDecimal(ratio),
        Instant.parse("2026-11-27T23:10:00Z"),
        1);
  }
}
