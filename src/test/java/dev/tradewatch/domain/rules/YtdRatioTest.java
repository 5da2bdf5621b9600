package dev.tradewatch.domain.rules;

import static dev.tradewatch.domain.rules.RuleFixtures.ledgers;
import static dev.tradewatch.domain.rules.RuleFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YtdRatioTest {

  private static final YtdRatio RULE = YtdRatio.RULE;
  private static final YearMonth SEPTEMBER = YearMonth.of(2020, 9);
  private static final YtdRatio.Settings DEFAULTS =
      new YtdRatio.Settings(true, BigDecimal.valueOf(5), 1_000_000_000L);

  @Test
  void shouldParseItsSettings() {
    assertThat(RULE.parse(values(RULE, Map.of()))).isEqualTo(DEFAULTS);
    assertThat(RULE.parse(values(RULE, Map.of("ratio", "4.5", "floor-usd", "0"))))
        .isEqualTo(new YtdRatio.Settings(true, new BigDecimal("4.5"), 0));
  }

  @Test
  void shouldRefuseBadValuesNamingTheKey() {
    assertRefused(
        "ratio", "-3", "tradewatch.rules.ytd-ratio.ratio: expected a number > 1, found -3");
    assertRefused("ratio", "1", "tradewatch.rules.ytd-ratio.ratio: expected a number > 1, found 1");
    assertRefused(
        "ratio", "five", "tradewatch.rules.ytd-ratio.ratio: expected a number > 1, found five");
    assertRefused(
        "floor-usd",
        "-1",
        "tradewatch.rules.ytd-ratio.floor-usd: expected an amount in USD ≥ 0 and < 10^13, found -1");
    assertRefused(
        "enabled", "", "tradewatch.rules.ytd-ratio.enabled: expected true or false, found nothing");
  }

  @Test
  void shouldCompareTheYtdWithTheSameSpanAYearEarlier() {
    Ledgers ledgers = ledgers(Map.of(), Map.of("2019-09", 20_700_000L, "2020-09", 123_000_000L));

    assertThat(RULE.evaluate(SEPTEMBER, ledgers, DEFAULTS))
        .hasValueSatisfying(
            e -> {
              assertThat(e.fires()).isTrue();
              assertThat(e.severity()).isEqualTo(Severity.HIGH);
              assertThat(e.observedCents()).isEqualTo(12_300_000_000L);
              assertThat(e.baselineCents()).isEqualTo(2_070_000_000L);
              assertThat(e.ratio()).isEqualByComparingTo("5.942");
            });
  }

  @Test
  void shouldTurnCriticalAtTwiceTheRatioAndStaySilentBelowTheFloor() {
    Ledgers tenfold = ledgers(Map.of(), Map.of("2019-09", 2_000_000L, "2020-09", 20_000_000L));
    Ledgers small = ledgers(Map.of(), Map.of("2019-09", 1_000_000L, "2020-09", 9_000_000L));

    assertThat(RULE.evaluate(SEPTEMBER, tenfold, DEFAULTS))
        .hasValueSatisfying(e -> assertThat(e.severity()).isEqualTo(Severity.CRITICAL));
    assertThat(RULE.evaluate(SEPTEMBER, small, DEFAULTS))
        .hasValueSatisfying(e -> assertThat(e.fires()).isFalse());
  }

  @Test
  void shouldNotEvaluateWithoutAYtdAYearEarlier() {
    Ledgers ledgers = ledgers(Map.of(), Map.of("2020-09", 123_000_000L));

    assertThat(RULE.evaluate(SEPTEMBER, ledgers, DEFAULTS)).isEmpty();
  }

  @Test
  void shouldWordItsFinding() {
    Finding finding =
        new Finding(SEPTEMBER, 12_300_000_000L, 2_070_000_000L, new BigDecimal("5.942"));
    Finding fromZero = new Finding(YearMonth.of(2020, 1), 2_000_000_000L, 0, null);

    assertThat(RULE.message(finding))
        .isEqualTo("$123.0M year to date, 5.942× the $20.7M of Jan–Sep 2019");
    assertThat(RULE.message(fromZero)).isEqualTo("$20.0M year to date, against the $0 of Jan 2019");
    assertThat(RULE.numbers(finding)).isEqualTo("$123.0M vs $20.7M (5.942×)");
    assertThat(RULE.numbers(fromZero)).isEqualTo("$20.0M vs $0 (from zero)");
  }

  private static void assertRefused(String key, String value, String message) {
    assertThatThrownBy(() -> RULE.parse(values(RULE, Map.of(key, value))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(message);
  }
}
