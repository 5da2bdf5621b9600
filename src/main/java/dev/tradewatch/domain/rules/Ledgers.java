package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.series.Evidence;
import dev.tradewatch.domain.series.Known;
import dev.tradewatch.domain.series.YearLedger;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * The reconciled ledgers of one series by calendar year, each built once and shared by every rule
 * evaluated over them.
 */
public final class Ledgers {

  private final IntFunction<YearLedger> ledgerOfYear;
  private final Map<Integer, YearLedger> byYear = new HashMap<>();
  private int lastYear;
  private YearLedger last;

  /**
   * @param ledgerOfYear builds the ledger of a calendar year of the series
   */
  public Ledgers(IntFunction<YearLedger> ledgerOfYear) {
    this.ledgerOfYear = ledgerOfYear;
  }

  public YearLedger year(int year) {
    // rules ask for the same year many times in a row: skip the boxed map lookup then
    if (last == null || lastYear != year) {
      last = byYear.computeIfAbsent(year, ledgerOfYear::apply);
      lastYear = year;
    }
    return last;
  }

  /** The value of the month {@code period}, when known. */
  public Optional<Known> month(YearMonth period) {
    return year(period.getYear()).month(period.getMonthValue());
  }

  /** The year-to-date value up to and including {@code period}, when known. */
  public Optional<Known> ytd(YearMonth period) {
    return year(period.getYear()).ytd(period.getMonthValue());
  }

  /** The month {@code period} as a baseline counts it (known or a span's share), when either. */
  public OptionalLong estimate(YearMonth period) {
    return year(period.getYear()).estimate(period.getMonthValue());
  }

  /** The month {@code period} as evidence, when known. */
  public Optional<Evidence> monthEvidence(YearMonth period) {
    return year(period.getYear()).monthEvidence(period.getMonthValue());
  }

  /** The ytd up to {@code period} as evidence, when known. */
  public Optional<Evidence> ytdEvidence(YearMonth period) {
    return year(period.getYear()).ytdEvidence(period.getMonthValue());
  }

  /** The month {@code period} as a baseline counts it (known or a span's share), as evidence. */
  public Optional<Evidence> estimateEvidence(YearMonth period) {
    return year(period.getYear()).estimateEvidence(period.getMonthValue());
  }

  /**
   * The months of the {@code months} before {@code period} that a baseline counts (known, or a ytd
   * span's share: {@link #estimateEvidence}), as evidence, oldest first; the others are left out.
   */
  public List<Evidence> knownMonthsBefore(YearMonth period, int months) {
    List<Evidence> known = new ArrayList<>(months);
    for (int back = months; back >= 1; back--) {
      estimateEvidence(period.minusMonths(back)).ifPresent(known::add);
    }
    return known;
  }

  /**
   * The values of the months {@link #knownMonthsBefore} counts, oldest first, without building
   * their evidence: baselines need only the numbers for every month a figure re-evaluates.
   */
  public long[] estimatesBefore(YearMonth period, int months) {
    long[] values = new long[months];
    int count = 0;
    int year = period.getYear();
    int month = period.getMonthValue();
    for (int back = months; back >= 1; back--) {
      int y = year + Math.floorDiv(month - back - 1, 12);
      int m = Math.floorMod(month - back - 1, 12) + 1;
      OptionalLong estimate = year(y).estimate(m);
      if (estimate.isPresent()) {
        values[count++] = estimate.getAsLong();
      }
    }
    return Arrays.copyOf(values, count);
  }
}
