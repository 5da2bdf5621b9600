package dev.tradewatch.domain.rules;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code month-threshold}: a month's value, reported or derived, at or above a fixed amount. */
public final class MonthThreshold implements SeriesRule<MonthThreshold.Settings> {

  public static final MonthThreshold RULE = new MonthThreshold();

  static final String THRESHOLD_USD = "threshold-usd";

  private static final List<ScopeKey> SCOPE = ScopeKey.FLOW;

  private static final Map<String, String> DEFAULTS = RuleKeys.of(SCOPE, THRESHOLD_USD, "50000000");

  /**
   * @param thresholdCents a month fires at or above this
   */
  public record Settings(boolean enabled, Scope scope, long thresholdCents)
      implements Rule.Settings {

    /** Settings for every series. */
    public Settings(boolean enabled, long thresholdCents) {
      this(enabled, Scope.EVERYTHING, thresholdCents);
    }
  }

  private MonthThreshold() {}

  @Override
  public String name() {
    return "month-threshold";
  }

  @Override
  public Map<String, String> defaults() {
    return DEFAULTS;
  }

  /** Its own month only. */
  @Override
  public int yearsBack() {
    return 0;
  }

  @Override
  public List<ScopeKey> scopeKeys() {
    return SCOPE;
  }

  @Override
  public Settings parse(SettingValues values) {
    return new Settings(
        values.bool(ENABLED), values.scope(SCOPE), values.positiveUsdCents(THRESHOLD_USD));
  }

  @Override
  public Optional<Evaluation> evaluate(YearMonth period, Ledgers ledgers, Settings settings) {
    long threshold = settings.thresholdCents();
    return ledgers
        .monthEvidence(period)
        .map(
            month -> {
              long value = month.valueCents();
              return new Evaluation(
                  this,
                  period,
                  value,
                  threshold,
                  severity(value, threshold),
                  value >= threshold,
                  List.of(month),
                  () ->
                      "month "
                          + period
                          + " "
                          + month.known().wireName()
                          + " against a fixed threshold");
            });
  }

  /** High at the threshold, critical at twice it. */
  private static Severity severity(long value, long threshold) {
    return value >= 2 * threshold ? Severity.CRITICAL : Severity.HIGH;
  }

  @Override
  public String message(Finding finding) {
    return finding.observed()
        + " in one month, at or above the "
        + finding.baseline()
        + " threshold";
  }

  /** Below the threshold with current numbers; at or above only with the last that fired. */
  @Override
  public String resolvedMessage(Finding finding) {
    return isBelow(finding)
        ? finding.observed() + ", below the " + finding.baseline() + " threshold"
        : "it last fired at "
            + finding.observed()
            + ", at or above the "
            + finding.baseline()
            + " threshold";
  }

  @Override
  public String numbers(Finding finding) {
    return finding.observed() + (isBelow(finding) ? " < " : " ≥ ") + finding.baseline();
  }

  private static boolean isBelow(Finding finding) {
    return finding.observedCents() < finding.baselineCents();
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public Set<Severity> severities() {
    return EnumSet.of(Severity.HIGH, Severity.CRITICAL);
  }
}
