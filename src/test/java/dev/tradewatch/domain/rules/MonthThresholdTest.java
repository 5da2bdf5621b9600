package dev.tradewatch.domain.rules;

import static dev.tradewatch.domain.rules.RuleFixtures.ledgers;
import static dev.tradewatch.domain.rules.RuleFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MonthThresholdTest {

  private static final MonthThreshold RULE = MonthThreshold.RULE;
  private static final YearMonth SEPTEMBER = YearMonth.of(2020, 9);
  private static final MonthThreshold.Settings FIFTY_MILLION =
      new MonthThreshold.Settings(true, 5_000_000_000L);

  @Test
  void shouldParseItsSettings() {
    assertThat(RULE.parse(values(RULE, Map.of()))).isEqualTo(FIFTY_MILLION);
    assertThat(
            RULE.parse(values(RULE, Map.of("enabled", "false", "threshold-usd", " 60_000_000.5"))))
        .isEqualTo(new MonthThreshold.Settings(false, 6_000_000_050L));
    assertThat(RULE.parse(values(RULE, Map.of("threshold-usd", "0.006"))).thresholdCents())
        .isEqualTo(1);
  }

  @Test
  void shouldRefuseBadValuesNamingTheKey() {
    String key = "tradewatch.rules.month-threshold.threshold-usd";
    assertRefused(
        "threshold-usd", "0", key + ": expected an amount in USD > 0 and < 10^13, found 0");
    assertRefused(
        "threshold-usd", "-5", key + ": expected an amount in USD > 0 and < 10^13, found -5");
    assertRefused(
        "threshold-usd", "1e13", key + ": expected an amount in USD > 0 and < 10^13, found 1e13");
    assertRefused("threshold-usd", "50M", key + ": expected an amount in USD > 0, found 50M");
    assertRefused("threshold-usd", " ", key + ": expected an amount in USD > 0, found nothing");
    assertRefused(
        "enabled",
        "yes",
        "tradewatch.rules.month-threshold.enabled: expected true or false, found yes");
  }

  @Test
  void shouldRefuseAThresholdThatRoundsToZeroCents() {
    String expected = ": expected an amount in USD ≥ 0.01, found ";
    assertRefused(
        "threshold-usd",
        "0.004",
        "tradewatch.rules.month-threshold.threshold-usd" + expected + "0.004");
    assertRefused(
        "threshold-usd",
        "0.001",
        "tradewatch.rules.month-threshold.threshold-usd" + expected + "0.001");
  }

  @Test
  void shouldRoundAThresholdToTheCentHalfUpAsFiguresAre() {
    assertThat(RULE.parse(values(RULE, Map.of("threshold-usd", "0.005"))).thresholdCents())
        .isEqualTo(1);
    assertThat(RULE.parse(values(RULE, Map.of("threshold-usd", "50000000.004"))).thresholdCents())
        .isEqualTo(5_000_000_000L);
  }

  @Test
  void shouldFireAtTheThresholdAndTurnCriticalAtTwiceIt() {
    assertThat(evaluate(49_999_999)).hasValueSatisfying(e -> assertThat(e.fires()).isFalse());
    assertThat(evaluate(50_000_000))
        .hasValueSatisfying(
            e -> {
              assertThat(e.fires()).isTrue();
              assertThat(e.severity()).isEqualTo(Severity.HIGH);
              assertThat(e.baselineCents()).isEqualTo(5_000_000_000L);
            });
    assertThat(evaluate(100_000_000))
        .hasValueSatisfying(e -> assertThat(e.severity()).isEqualTo(Severity.CRITICAL));
  }

  @Test
  void shouldEvaluateADerivedMonthAndNothingWithoutOne() {
    Ledgers derived = ledgers(Map.of(), Map.of("2020-08", 10_000_000L, "2020-09", 87_100_000L));

    assertThat(RULE.evaluate(SEPTEMBER, derived, FIFTY_MILLION))
        .hasValueSatisfying(e -> assertThat(e.observedCents()).isEqualTo(7_710_000_000L));
    assertThat(RULE.evaluate(SEPTEMBER, ledgers(Map.of(), Map.of()), FIFTY_MILLION)).isEmpty();
  }

  @Test
  void shouldWordItsFinding() {
    Finding finding = new Finding(SEPTEMBER, 7_710_000_000L, 5_000_000_000L, null);

    assertThat(RULE.message(finding))
        .isEqualTo("$77.1M in one month, at or above the $50.0M threshold");
    assertThat(RULE.numbers(finding)).isEqualTo("$77.1M ≥ $50.0M");
  }

  @Test
  void shouldWordAFindingBelowTheThresholdOnceItNoLongerFires() {
    Finding finding = new Finding(SEPTEMBER, 4_000_000_000L, 5_000_000_000L, null);

    assertThat(RULE.resolvedMessage(finding)).isEqualTo("$40.0M, below the $50.0M threshold");
    assertThat(RULE.numbers(finding)).isEqualTo("$40.0M < $50.0M");
  }

  private static Optional<Evaluation> evaluate(long septemberUsd) {
    return RULE.evaluate(
        SEPTEMBER, ledgers(Map.of("2020-09", septemberUsd), Map.of()), FIFTY_MILLION);
  }

  private static void assertRefused(String key, String value, String message) {
    assertThatThrownBy(() -> RULE.parse(values(RULE, Map.of(key, value))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(message);
  }
}
