package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.series.YearLedger;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code month-spike}: a month at least {@code factor} × the series' typical month (its baseline),
 * and at least a floor.
 */
public final class MonthSpike implements Rule<MonthSpike.Settings> {

  public static final MonthSpike RULE = new MonthSpike();

  static final String FACTOR = "factor";
  static final String FLOOR_USD = "floor-usd";

  private static final List<ScopeKey> SCOPE = ScopeKey.FLOW;

  private static final Map<String, String> DEFAULTS =
      RuleKeys.of(SCOPE, FACTOR, "10", FLOOR_USD, "5000000");

  /**
   * @param factor how many times the baseline the month must reach (> 1)
   * @param floorCents the month must also reach this
   */
  public record Settings(boolean enabled, Scope scope, BigDecimal factor, long floorCents)
      implements Rule.Settings {

    /** Settings for every series. */
    public Settings(boolean enabled, BigDecimal factor, long floorCents) {
      this(enabled, Scope.EVERYTHING, factor, floorCents);
    }
  }

  private MonthSpike() {}

  @Override
  public String name() {
    return "month-spike";
  }

  @Override
  public Map<String, String> defaults() {
    return DEFAULTS;
  }

  @Override
  public List<ScopeKey> scopeKeys() {
    return SCOPE;
  }

  @Override
  public Settings parse(SettingValues values) {
    return new Settings(
        values.bool(ENABLED),
        values.scope(SCOPE),
        values.decimalAbove(FACTOR, BigDecimal.ONE),
        values.usdCents(FLOOR_USD));
  }

  @Override
  public Optional<Evaluation> evaluate(YearMonth period, Ledgers ledgers, Settings settings) {
    return ledgers
        .month(period)
        .flatMap(
            month -> {
              OptionalLong baseline = baseline(period, ledgers);
              return baseline.isEmpty()
                  ? Optional.empty()
                  : Optional.of(
                      evaluate(period, month.valueCents(), baseline.getAsLong(), settings));
            });
  }

  private Evaluation evaluate(YearMonth period, long value, long baseline, Settings settings) {
    boolean fires =
        Factors.atLeast(value, settings.factor(), baseline) && value >= settings.floorCents();
    return new Evaluation(
        this, period, value, baseline, severity(value, baseline, settings.factor()), fires);
  }

  /** Medium at the factor, critical at twice it. */
  private static Severity severity(long value, long baseline, BigDecimal factor) {
    return Factors.atLeastTwice(value, factor, baseline) ? Severity.CRITICAL : Severity.MEDIUM;
  }

  /**
   * The typical monthly value over the 12 months before {@code period}: the median of every month
   * in that window that is known or can be estimated from a ytd span. Empty when none can.
   */
  static OptionalLong baseline(YearMonth period, Ledgers ledgers) {
    YearLedger sameYear = ledgers.year(period.getYear());
    YearLedger yearBefore = ledgers.year(period.getYear() - 1);
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

  @Override
  public String message(Finding finding) {
    return finding.observed()
        + " in one month, "
        + finding.times("against")
        + " the typical "
        + finding.baseline()
        + " of the previous 12 months";
  }

  /** The same words: they state the numbers, which either fire or no longer do. */
  @Override
  public String resolvedMessage(Finding finding) {
    return message(finding);
  }

  @Override
  public String numbers(Finding finding) {
    return finding.observed()
        + " vs "
        + finding.baseline()
        + " ("
        + finding.times("from zero")
        + ")";
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public Set<Severity> severities() {
    return EnumSet.of(Severity.MEDIUM, Severity.CRITICAL);
  }
}
