package dev.tradewatch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.MonthThreshold;
import dev.tradewatch.domain.rules.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertFilterTest {

  private static final Alert FIRING = alert(AlertStatus.FIRING);

  @Test
  void shouldMatchCountryCodesRulesSeveritiesAndStatusesInAnyCase() {
    AlertFilter filter =
        AlertFilter.of(
            Map.of(
                "exporter", "tur",
                "importer", "Aze",
                "rule", "Month-Threshold",
                "severity", "HIGH",
                "status", "Active"));

    assertThat(filter.matches(FIRING)).isTrue();
    assertThat(filter.matches(alert(AlertStatus.RESOLVED))).isFalse();
  }

  @Test
  void shouldAskOtherInstancesWithTheNormalisedFilter() {
    AlertFilter filter =
        AlertFilter.of(Map.of("exporter", "tur", "status", "resolved", "limit", "5", "rule", ""));

    assertThat(filter.asQuery())
        .containsExactly(
            Map.entry("exporter", "TUR"), Map.entry("status", "RESOLVED"), Map.entry("limit", "5"));
    assertThat(filter.limit()).isEqualTo(5);
  }

  @Test
  void shouldTreatAnEmptyValueAsNoFilterAndDefaultTheLimit() {
    AlertFilter filter = AlertFilter.of(Map.of("exporter", "", "severity", " "));

    assertThat(filter.matches(FIRING)).isTrue();
    assertThat(filter.limit()).isEqualTo(AlertFilter.DEFAULT_LIMIT);
  }

  @Test
  void shouldRefuseAFilterThatCouldNeverMatch() {
    assertThatThrownBy(() -> AlertFilter.of(Map.of("importer", "XYZ")))
        .isInstanceOf(ApiException.class)
        .hasMessage("importer: expected an ISO 3166-1 alpha-3 code or WLD, found XYZ")
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
  }

  private static Alert alert(AlertStatus status) {
    return new Alert(
        new SeriesKey("TUR", "AZE", "defence-aerospace", "TUR"),
        MonthThreshold.RULE,
        YearMonth.of(2020, 9),
        status,
        Severity.HIGH,
        7_710_000_000L,
        5_000_000_000L,
        new BigDecimal("1.542"),
        Instant.parse("2026-11-27T23:10:00Z"),
        1);
  }
}
