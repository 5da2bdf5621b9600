package dev.tradewatch.testing.scenarios;

/**
 * Year-to-date arithmetic on a side: lifting a quarter's ytd to a multiple of the year before by
 * adding to its last month, and checking that a later quarter stays where it was meant to.
 */
final class YtdJump {

  private YtdJump() {}

  /** Adds to month {@code quarterEnd} of {@code year} so its ytd is {@code ratio} × last year's. */
  static void to(Side side, int year, int quarterEnd, double ratio) {
    long before = ytd(side, year - 1, quarterEnd);
    long now = ytd(side, year, quarterEnd);
    side.usd[Timeline.index(year, quarterEnd)] += Math.round(Math.ceil(ratio * before)) - now;
  }

  /**
   * @throws IllegalStateException when a quarter from {@code fromMonth} on reaches {@code ratio} ×
   *     the year before: the scenario would plant an event it does not label
   */
  static void requireBelow(Side side, int year, int fromMonth, double ratio) {
    for (int month = fromMonth; month <= 12; month += 3) {
      if (ytd(side, year, month) >= ratio * ytd(side, year - 1, month)) {
        throw new IllegalStateException(
            "ytd of " + side.flow + " month " + month + " reaches " + ratio + "×");
      }
    }
  }

  /**
   * @throws IllegalStateException when a quarter's ytd of {@code year} reaches {@code usd}
   */
  static void requireUnder(Side side, int year, long usd) {
    for (int month = 3; month <= 12; month += 3) {
      if (ytd(side, year, month) >= usd) {
        throw new IllegalStateException("ytd of " + side.flow + " month " + month + " ≥ " + usd);
      }
    }
  }

  static long ytd(Side side, int year, int month) {
    long sum = 0;
    for (int m = 1; m <= month; m++) {
      sum += side.usd[Timeline.index(year, m)];
    }
    return sum;
  }
}
