package dev.tradewatch.domain.rules;

import java.math.BigDecimal;

/** Exact comparisons of money against a multiple of other money, for the ratio rules. */
final class Factors {

  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private Factors() {}

  /** value ≥ factor × base, exactly (no rounding). */
  static boolean atLeast(long value, BigDecimal factor, long base) {
    return BigDecimal.valueOf(value).compareTo(factor.multiply(BigDecimal.valueOf(base))) >= 0;
  }

  /** value ≥ 2 × factor × base: where the ratio rules turn critical. */
  static boolean atLeastTwice(long value, BigDecimal factor, long base) {
    return atLeast(value, factor.multiply(TWO), base);
  }
}
