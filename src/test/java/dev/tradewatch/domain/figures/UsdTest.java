package dev.tradewatch.domain.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The edges of money in and out: rounding to the cent, the range, and the short human form. */
class UsdTest {

  @Test
  void shouldRoundAnyNumberOfDecimalsToTheCentHalfUp() {
    // 4.35 * 100000 in doubles
    assertThat(Usd.centsInRange(new BigDecimal("434999.99999999994"))).hasValue(43_500_000L);
    assertThat(Usd.centsInRange(new BigDecimal("0.005"))).hasValue(1L);
    assertThat(Usd.centsInRange(new BigDecimal("0.00499999999999"))).hasValue(0L);
    assertThat(Usd.centsInRange(new BigDecimal("12.345"))).hasValue(1_235L);
    assertThat(Usd.centsInRange(new BigDecimal("1e-999999999"))).hasValue(0L);
    assertThat(Usd.centsInRange(new BigDecimal("0e999999999"))).hasValue(0L);
  }

  @Test
  void shouldAcceptANegativeValueOnlyWhenItRoundsToZero() {
    assertThat(Usd.centsInRange(new BigDecimal("-1e-17"))).hasValue(0L);
    assertThat(Usd.centsInRange(new BigDecimal("-0.0049"))).hasValue(0L);
    assertThat(Usd.centsInRange(new BigDecimal("-0.005"))).isEmpty();
    assertThat(Usd.centsInRange(new BigDecimal("-1e999999999"))).isEmpty();
  }

  @Test
  void shouldCheckTheRangeAfterRounding() {
    assertThat(Usd.centsInRange(new BigDecimal("9999999999999.994")))
        .hasValue(999_999_999_999_999L);
    assertThat(Usd.centsInRange(new BigDecimal("9999999999999.995"))).isEmpty();
    assertThat(Usd.centsInRange(new BigDecimal("9999999999999.999"))).isEmpty();
    assertThat(Usd.centsInRange(new BigDecimal("1e13"))).isEmpty();
    assertThat(Usd.centsInRange(new BigDecimal("1e999999999"))).isEmpty();
  }

  @Test
  void shouldHumaniseInTheUnitTheRoundedAmountBelongsTo() {
    assertThat(Usd.humanise(51_200)).isEqualTo("$512");
    assertThat(Usd.humanise(99_949)).isEqualTo("$999");
    assertThat(Usd.humanise(99_950)).isEqualTo("$1.0K");
    assertThat(Usd.humanise(27_888_000)).isEqualTo("$278.9K");
    assertThat(Usd.humanise(99_994_999)).isEqualTo("$999.9K");
    assertThat(Usd.humanise(99_995_000)).isEqualTo("$1.0M");
    assertThat(Usd.humanise(7_710_000_000L)).isEqualTo("$77.1M");
    assertThat(Usd.humanise(99_999_000_000L)).isEqualTo("$1.0B");
    assertThat(Usd.humanise(999_999_999_999_999L)).isEqualTo("$10.0T");
    assertThat(Usd.humanise(0)).isEqualTo("$0");
  }
}
