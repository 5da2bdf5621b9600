package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.series.Evidence;
import dev.tradewatch.domain.series.Known;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
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
public final class MonthSpike implements SeriesRule<MonthSpike.Settings> {

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

  /** The 12 months before the period reach into the year before. */
  @Override
  public int yearsBack() {
    return 1;
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
    Optional<Known> month = ledgers.month(period);
    if (month.isEmpty()) {
      return Optional.empty();
    }
    long[] counted = ledgers.estimatesBefore(period, 12);
    if (counted.length == 0) {
      return Optional.empty();
    }
    long value = month.get().valueCents();
    long median = median(counted);
    boolean fires =
        Factors.atLeast(value, settings.factor(), median) && value >= settings.floorCents();
    // most evaluations neither fire nor meet an alert: the evidence (13 entries) and the method
    // line are built only when an alert shows them
    return Optional.of(
        new Evaluation(
            this,
            period,
            value,
            median,
            severity(value, median, settings.factor()),
            fires,
            () -> evidence(period, ledgers),
            () -> method(period, counted.length)));
  }

  /** The month itself, then the baseline's months oldest first. */
  private static List<Evidence> evidence(YearMonth period, Ledgers ledgers) {
    List<Evidence> baseline = ledgers.knownMonthsBefore(period, 12);
    List<Evidence> evidence = new ArrayList<>(baseline.size() + 1);
    evidence.add(ledgers.monthEvidence(period).orElseThrow());
    evidence.addAll(baseline);
    return evidence;
  }

  /** {@code median of 12 months 2019-08..2020-07, 9 known}. */
  private static String method(YearMonth period, int known) {
    return "median of 12 months "
        + period.minusMonths(12)
        + ".."
        + period.minusMonths(1)
        + ", "
        + known
        + " known";
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
    long[] counted = ledgers.estimatesBefore(period, 12);
    return counted.length == 0 ? OptionalLong.empty() : OptionalLong.of(median(counted));
  }

  /** The median of {@code values} (not empty), sorting them in place. */
  private static long median(long[] values) {
    Arrays.sort(values);
    int count = values.length;
    return count % 2 == 1 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2;
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
