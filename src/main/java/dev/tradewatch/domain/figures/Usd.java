package dev.tradewatch.domain.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** US dollar amounts: the domain keeps them as whole cents in a {@code long}, never as a double. */
public final class Usd {

  /** Figures must stay below 10^13 USD; in cents that still fits a long with room to add. */
  public static final BigDecimal MAX_EXCLUSIVE = BigDecimal.TEN.pow(13);

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Usd() {}

  /**
   * Whether {@code usd} is a figure tradewatch accepts: 0 ≤ value < 10^13 with at most 10 decimals.
   * Only cheap field reads come first, so that 1e-999999999 or 1e999999999 cost nothing to refuse.
   */
  public static boolean isPlausible(BigDecimal usd) {
    if (usd.scale() > 10 || usd.precision() - usd.scale() > 13) {
      return false;
    }
    return usd.signum() >= 0 && usd.compareTo(MAX_EXCLUSIVE) < 0;
  }

  public static long toCents(BigDecimal usd) {
    return usd.multiply(HUNDRED).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }

  public static long toCents(long usd) {
    return Math.multiplyExact(usd, 100L);
  }

  /** Cents as a plain dollar amount without trailing zeros: 7710000000 → 77100000. */
  public static BigDecimal toDollars(long cents) {
    BigDecimal dollars = BigDecimal.valueOf(cents, 2).stripTrailingZeros();
    return dollars.scale() < 0 ? dollars.setScale(0) : dollars;
  }

  /** Short human form for messages: $77.1M, $278.9K, $1.2B, $512. */
  public static String humanise(long cents) {
    double dollars = cents / 100.0;
    if (dollars >= 1e9) {
      return String.format(Locale.ROOT, "$%.1fB", dollars / 1e9);
    }
    if (dollars >= 1e6) {
      return String.format(Locale.ROOT, "$%.1fM", dollars / 1e6);
    }
    if (dollars >= 1e3) {
      return String.format(Locale.ROOT, "$%.1fK", dollars / 1e3);
    }
    return String.format(Locale.ROOT, "$%.0f", dollars);
  }
}
