package dev.tradewatch.testing.scenarios;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The months of a scenario, counted from January of its first year, and the instant its feed is cut
 * off: 10 March after its last full year, so that every reporter has published the whole of the
 * last full year by then or is one period short of it, and the first months of the next year only
 * by the fastest reporters.
 */
record Timeline(int firstYear, int years, Instant cutoff) {

  static Timeline of(int firstYear, int years) {
    LocalDate cutoffDay = LocalDate.of(firstYear + years, 3, 11);
    return new Timeline(firstYear, years, cutoffDay.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** Months a reporter may have published by the cut-off: the full years and January after. */
  int months() {
    return years * 12 + 1;
  }

  YearMonth period(int index) {
    return YearMonth.of(firstYear, 1).plusMonths(index);
  }

  /** The index of a month, {@code yearOffset} years after the first, {@code month} 1..12. */
  static int index(int yearOffset, int month) {
    return yearOffset * 12 + month - 1;
  }

  /** The first instant after the month: where publication delays are counted from. */
  Instant endOf(int index) {
    return period(index).plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  boolean published(Instant at) {
    return at.isBefore(cutoff);
  }
}
