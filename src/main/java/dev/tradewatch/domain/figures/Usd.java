package dev.tradewatch.domain.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalLong;

/**
 * US dollar amounts: the domain keeps them as whole cents in a {@code long}, never as a double.
 * Amounts with more decimals are rounded to the cent, half up, wherever they come in.
 */
public final class Usd {

  /** Figures must stay below 10^13 USD; in cents that still fits a long with room to add. */
  private static final BigDecimal MAX_EXCLUSIVE = BigDecimal.TEN.pow(13);

  private static final long MAX_CENTS_EXCLUSIVE = MAX_EXCLUSIVE.movePointRight(2).longValueExact();

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** The units of {@link #humanise}, smallest first, each a thousand times the one before. */
  private static final String[] UNITS = {"K", "M", "B", "T"};

  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private Usd() {}

  /**
   * An amount in cents, rounded half up, when it is one tradewatch accepts (figures, rule
   * settings): 0 ≤ value &lt; 10^13 after rounding ({@code 434999.99999999994}, which is 4.35 ×
   * 100000 in doubles, is $435,000.00; {@code -1e-17} is $0.00). Cheap field reads come first, so
   * that 1e999999999 and 1e-999999999 cost nothing.
   */
  public static OptionalLong centsInRange(BigDecimal usd) {
    int integerDigits = usd.precision() - usd.scale();
    if (usd.signum() == 0 || integerDigits <= -3) {
      return OptionalLong.of(0); // below a tenth of a cent either way: rounds to zero
    }
    if (integerDigits > 13) {
      return OptionalLong.empty(); // at least 10^13 whatever the sign or decimals
    }
    long cents = toCents(usd);
    return cents >= 0 && cents < MAX_CENTS_EXCLUSIVE
        ? OptionalLong.of(cents)
        : OptionalLong.empty();
  }

  /** Whole cents, rounded half up; the amount must fit a long in cents. */
  public static long toCents(BigDecimal usd) {
    return usd.multiply(HUNDRED).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  public static long toCents(long usd) {
    return Math.multiplyExact(usd, 100L);
  }

  /** Cents as a plain dollar amount without trailing zeros: 7710000000 → 77100000. */
  public static BigDecimal toDollars(long cents) {
    BigDecimal dollars = BigDecimal.valueOf(cents, 2).stripTrailingZeros();
    return dollars.scale() < 0 ? dollars.setScale(0) : dollars;
  }

  /**
   * Short human form for messages: $512, $278.9K, $77.1M, $1.2B, $10.0T. The unit is chosen after
   * rounding, so an amount never reads as 1000 of one unit: $999,999 is $1.0M, not $1000.0K.
   */
  public static String humanise(long cents) {
    BigDecimal dollars = BigDecimal.valueOf(cents, 2);
    BigDecimal whole = dollars.setScale(0, RoundingMode.HALF_UP);
    if (whole.abs().compareTo(THOUSAND) < 0) {
      return "$" + whole.toPlainString();
    }
    int unit = 0;
    BigDecimal rounded = inUnit(dollars, unit);
    while (rounded.abs().compareTo(THOUSAND) >= 0 && unit < UNITS.length - 1) {
      unit++;
      rounded = inUnit(dollars, unit);
    }
    return "$" + rounded.toPlainString() + UNITS[unit];
  }

  /** Dollars in {@code UNITS[unit]}, to one decimal. */
  private static BigDecimal inUnit(BigDecimal dollars, int unit) {
    return dollars.movePointLeft(3 * (unit + 1)).setScale(1, RoundingMode.HALF_UP);
  }
}
