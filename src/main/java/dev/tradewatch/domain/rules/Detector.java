package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.series.YearLedger;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * Applies the three rules to the periods of one calendar year of a series. A rule that cannot be
 * evaluated (no earlier month for a baseline, no ytd a year earlier) yields no evaluation at all.
 */
public final class Detector {

  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private final IntFunction<YearLedger> ledgerOfYear;
  private final RuleSettings settings;
  private final Map<Integer, YearLedger> ledgers = new HashMap<>();

  /**
   * @param ledgerOfYear the reconciled ledger of a calendar year of the series
   */
  public Detector(IntFunction<YearLedger> ledgerOfYear, RuleSettings settings) {
    this.ledgerOfYear = ledgerOfYear;
    this.settings = settings;
  }

  /** Every evaluation for the periods of {@code year}, in period order. */
  public List<Evaluation> evaluate(int year) {
    YearLedger current = ledger(year);
    YearLedger previous = ledger(year - 1);
    List<Evaluation> evaluations = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      YearMonth period = YearMonth.of(year, m);
      current
          .month(m)
          .ifPresent(
              month -> {
                if (settings.monthThreshold().enabled()) {
                  evaluations.add(monthThreshold(period, month.valueCents()));
                }
                if (settings.monthSpike().enabled()) {
                  baseline(period)
                      .ifPresent(
                          base -> evaluations.add(monthSpike(period, month.valueCents(), base)));
                }
              });
      if (settings.ytdRatio().enabled()) {
        int month = m;
        current
            .ytd(m)
            .ifPresent(
                ytd ->
                    previous
                        .ytd(month)
                        .ifPresent(
                            before ->
                                evaluations.add(
                                    ytdRatio(period, ytd.valueCents(), before.valueCents()))));
      }
    }
    return evaluations;
  }

  private Evaluation monthThreshold(YearMonth period, long value) {
    long threshold = settings.monthThreshold().thresholdCents();
    boolean fires = value >= threshold;
    Severity severity = value >= 2 * threshold ? Severity.CRITICAL : Severity.HIGH;
    return new Evaluation(Rule.MONTH_THRESHOLD, period, value, threshold, severity, fires);
  }

  private Evaluation monthSpike(YearMonth period, long value, long baseline) {
    RuleSettings.MonthSpike spike = settings.monthSpike();
    boolean fires = atLeast(value, spike.factor(), baseline) && value >= spike.floorCents();
    Severity severity =
        atLeast(value, spike.factor().multiply(TWO), baseline)
            ? Severity.CRITICAL
            : Severity.MEDIUM;
    return new Evaluation(Rule.MONTH_SPIKE, period, value, baseline, severity, fires);
  }

  private Evaluation ytdRatio(YearMonth period, long ytd, long yearBefore) {
    RuleSettings.YtdRatio rule = settings.ytdRatio();
    boolean fires = atLeast(ytd, rule.ratio(), yearBefore) && ytd >= rule.floorCents();
    Severity severity =
        atLeast(ytd, rule.ratio().multiply(TWO), yearBefore) ? Severity.CRITICAL : Severity.HIGH;
    return new Evaluation(Rule.YTD_RATIO, period, ytd, yearBefore, severity, fires);
  }

  /**
   * The typical monthly value over the 12 months before {@code period}: the median of every month
   * in that window that is known or can be estimated from a ytd span. Empty when none can.
   */
  OptionalLong baseline(YearMonth period) {
    YearLedger sameYear = ledger(period.getYear());
    YearLedger yearBefore = ledger(period.getYear() - 1);
    long[] values = new long[12];
    int count = 0;
    for (int back = 12; back >= 1; back--) {
      int month = period.getMonthValue() - back;
      OptionalLong estimate =
          month >= 1 ? sameYear.estimate(month) : yearBefore.estimate(month + 12);
      if (estimate.isPresent()) {
        values[count++] = estimate.getAsLong();
      }
    }
    if (count == 0) {
      return OptionalLong.empty();
    }
    Arrays.sort(values, 0, count);
    long median =
        count % 2 == 1 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2;
    return OptionalLong.of(median);
  }

  private YearLedger ledger(int year) {
    return ledgers.computeIfAbsent(year, ledgerOfYear::apply);
  }

  /** Exact comparison value ≥ factor × base, without rounding. */
  private static boolean atLeast(long value, BigDecimal factor, long base) {
    return BigDecimal.valueOf(value).compareTo(factor.multiply(BigDecimal.valueOf(base))) >= 0;
  }
}
