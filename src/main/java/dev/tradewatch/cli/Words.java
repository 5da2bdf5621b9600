package dev.tradewatch.cli;

import java.util.Locale;

/** Counts in words for summaries: {@code count(1, "figure")} is "1 figure", 2 make "2 figures". */
final class Words {

  private Words() {}

  /** {@code n} and the noun, with an {@code s} unless n is 1; thousands separated by commas. */
  static String count(long n, String singular) {
    return count(n, singular, singular + "s");
  }

  static String count(long n, String singular, String plural) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? singular : plural);
  }
}
