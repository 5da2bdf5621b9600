package dev.tradewatch.stream;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * {@code Instant.toString()} and {@code YearMonth.toString()} without java.time's formatter, for
 * four-digit years: an alert's JSON holds up to 30 instants and periods, and the formatter was a
 * quarter of writing one. The text is the same (IsoTextProperties); other years go to java.time.
 */
final class IsoText {

  private static final int SECONDS_PER_DAY = 86_400;

  private IsoText() {}

  /** As {@link Instant#toString}: {@code 2020-09-02T00:00:00Z}, with 3, 6 or 9 decimals if any. */
  static String instant(Instant instant) {
    long days = Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY);
    int secondOfDay = Math.floorMod(instant.getEpochSecond(), SECONDS_PER_DAY);
    LocalDate date = LocalDate.ofEpochDay(days);
    if (date.getYear() < 1000 || date.getYear() > 9999) {
      return instant.toString();
    }
    int nano = instant.getNano();
    int decimals = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
    char[] text = new char[20 + (decimals == 0 ? 0 : decimals + 1)];
    digits(text, 0, date.getYear(), 4);
    text[4] = '-';
    digits(text, 5, date.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, date.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, secondOfDay / 3600, 2);
    text[13] = ':';
    digits(text, 14, secondOfDay / 60 % 60, 2);
    text[16] = ':';
    digits(text, 17, secondOfDay % 60, 2);
    if (decimals > 0) {
      text[19] = '.';
      digits(text, 20, nano / pow10(9 - decimals), decimals);
    }
    text[text.length - 1] = 'Z';
    return new String(text);
  }

  /** As {@link YearMonth#toString}: {@code 2020-09}. */
  static String period(YearMonth period) {
    if (period.getYear() < 1000 || period.getYear() > 9999) {
      return period.toString();
    }
    char[] text = new char[7];
    digits(text, 0, period.getYear(), 4);
    text[4] = '-';
    digits(text, 5, period.getMonthValue(), 2);
    return new String(text);
  }

  /** Writes {@code value} as {@code width} digits, zero-padded, at {@code from}. */
  private static void digits(char[] text, int from, int value, int width) {
    int rest = value;
    for (int i = from + width - 1; i >= from; i--) {
      text[i] = (char) ('0' + rest % 10);
      rest /= 10;
    }
  }

  private static int pow10(int exponent) {
    int value = 1;
    for (int i = 0; i < exponent; i++) {
      value *= 10;
    }
    return value;
  }
}
