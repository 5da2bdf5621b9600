package dev.tradewatch.domain.figures;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The input's two date forms. java.time's formatters were about 9 % of the per-figure work in a
 * profile of {@code bench}, so the usual shapes are read directly; the results, including which
 * texts are refused, are the same as the formatters' (see IsoDatesProperties).
 */
final class IsoDates {

  private IsoDates() {}

  /**
   * A {@code YYYY-MM} period as YearMonth.parse reads it; anything else throws DateTimeException.
   */
  static YearMonth period(String text) {
    if (text.length() != 7
        || text.charAt(4) != '-'
        || !isDigits(text, 0, 4)
        || !isDigits(text, 5, 7)) {
      return YearMonth.parse(text); // not the plain shape: the formatter decides, and says why
    }
    return YearMonth.of(digits(text, 0, 4), digits(text, 5, 7));
  }

  /**
   * An ISO-8601 date-time with offset, as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} reads it.
   */
  static Instant instant(String text) {
    if (!isPlainUtc(text)) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
    }
    return LocalDateTime.of(
            digits(text, 0, 4),
            digits(text, 5, 7),
            digits(text, 8, 10),
            digits(text, 11, 13),
            digits(text, 14, 16),
            digits(text, 17, 19))
        .toInstant(ZoneOffset.UTC);
  }

  /** {@code YYYY-MM-DDTHH:MM:SSZ} with ASCII digits, the form almost every feed uses. */
  private static boolean isPlainUtc(String text) {
    if (text.length() != 20 || text.charAt(19) != 'Z') {
      return false;
    }
    for (int i = 0; i < 19; i++) {
      char c = text.charAt(i);
      char expected =
          switch (i) {
            case 4, 7 -> '-';
            case 10 -> 'T';
            case 13, 16 -> ':';
            default -> '0';
          };
      if (expected == '0' ? c < '0' || c > '9' : c != expected) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }
}
