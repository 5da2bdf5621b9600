package dev.tradewatch.domain.rules;

import static dev.tradewatch.domain.rules.RuleFixtures.ledgers;
import static dev.tradewatch.domain.rules.RuleFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MonthSpikeTest {

  private static final MonthSpike RULE = MonthSpike.RULE;
  private static final YearMonth APRIL = YearMonth.of(2020, 4);
  private static final MonthSpike.Settings DEFAULTS =
      new MonthSpike.Settings(true, BigDecimal.TEN, 500_000_000L);

  @Test
  void shouldParseItsSettings() {
    assertThat(RULE.parse(values(RULE, Map.of()))).isEqualTo(DEFAULTS);
    assertThat(RULE.parse(values(RULE, Map.of("factor", "1.5", "floor-usd", "0.5"))))
        .isEqualTo(new MonthSpike.Settings(true, new BigDecimal("1.5"), 50));
  }

  @Test
  void shouldRefuseBadValuesNamingTheKey() {
    assertRefused(
        "factor", "1", "tradewatch.rules.month-spike.factor: expected a number > 1, found 1");
    assertRefused(
        "floor-usd",
        "lots",
        "tradewatch.rules.month-spike.floor-usd: expected an amount in USD ≥ 0, found lots");
    assertRefused(
        "enabled",
        "yes",
        "tradewatch.rules.month-spike.enabled: expected true or false, found yes");
  }

  @Test
  void shouldFireAtTheFactorOverTheTypicalMonthAndTurnCriticalAtTwiceIt() {
    assertThat(evaluate(12_000_000))
        .hasValueSatisfying(
            e -> {
              assertThat(e.fires()).isTrue();
              assertThat(e.severity()).isEqualTo(Severity.MEDIUM);
              assertThat(e.baselineCents()).isEqualTo(100_000_000L);
            });
    assertThat(evaluate(25_000_000))
        .hasValueSatisfying(e -> assertThat(e.severity()).isEqualTo(Severity.CRITICAL));
    assertThat(evaluate(9_000_000)).hasValueSatisfying(e -> assertThat(e.fires()).isFalse());
  }

  @Test
  void shouldStaySilentBelowTheFloor() {
    Ledgers small =
        ledgers(Map.of("2020-01", 100_000L, "2020-02", 100_000L, "2020-04", 1_200_000L), Map.of());

    assertThat(RULE.evaluate(APRIL, small, DEFAULTS))
        .hasValueSatisfying(e -> assertThat(e.fires()).isFalse());
  }

  @Test
  void shouldTakeTheMedianOfKnownAndEstimatedMonthsAsTheBaseline() {
    Ledgers even = ledgers(Map.of("2020-01", 1_000_000L, "2020-02", 3_000_000L), Map.of());
    Ledgers fromYtd = ledgers(Map.of(), Map.of("2020-03", 3_000_000L));

    assertThat(MonthSpike.baseline(APRIL, even)).hasValue(200_000_000L);
    assertThat(MonthSpike.baseline(APRIL, fromYtd)).hasValue(100_000_000L);
    assertThat(MonthSpike.baseline(APRIL, ledgers(Map.of(), Map.of()))).isEmpty();
    assertThat(RULE.evaluate(APRIL, ledgers(Map.of("2020-04", 1L), Map.of()), DEFAULTS)).isEmpty();
  }

  @Test
  void shouldWordItsFinding() {
    Finding finding = new Finding(APRIL, 7_710_000_000L, 3_600_000_000L, new BigDecimal("2.142"));

    assertThat(RULE.message(finding))
        .isEqualTo("$77.1M in one month, 2.142× the typical $36.0M of the previous 12 months");
    assertThat(RULE.numbers(finding)).isEqualTo("$77.1M vs $36.0M (2.142×)");
  }

  /** April against January to March at $1M each. */
  private static Optional<Evaluation> evaluate(long aprilUsd) {
    Map<String, Long> months =
        Map.of(
            "2020-01",
            1_000_000L,
            "2020-02",
            1_000_000L,
            "2020-03",
            1_000_000L,
            "2020-04",
            aprilUsd);
    return RULE.evaluate(APRIL, ledgers(months, Map.of()), DEFAULTS);
  }

  private static void assertRefused(String key, String value, String message) {
    assertThatThrownBy(() -> RULE.parse(values(RULE, Map.of(key, value))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(message);
  }
}
