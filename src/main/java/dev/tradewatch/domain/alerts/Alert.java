package dev.tradewatch.domain.alerts;

import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.Evaluation;
import dev.tradewatch.domain.rules.Finding;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * The current state of one alert: a rule firing (or no longer firing) for one series and period.
 * The id is deterministic, so replaying the same data yields the same ids; {@code version} counts
 * changes.
 */
public record Alert(
    SeriesKey series,
    Rule<?> rule,
    YearMonth period,
    AlertStatus status,
    Severity severity,
    long observedCents,
    long baselineCents,
    BigDecimal ratio,
    Instant detectedAt,
    int version) {

  /** E.g. {@code TUR-AZE-defence-aerospace-TUR-month-threshold-2020-09}. */
  public String alertId() {
    return series.id() + '-' + rule.name() + '-' + period;
  }

  public AlertKey key() {
    return new AlertKey(rule, period);
  }

  /** One human-readable sentence; derived from the fields, so it is never stored. */
  public String message() {
    return AlertMessages.describe(this);
  }

  /** The numbers of this alert, for its rule to put into words. */
  public Finding finding() {
    return new Finding(period, observedCents, baselineCents, ratio);
  }

  public static Alert of(
      SeriesKey series,
      Evaluation evaluation,
      AlertStatus status,
      Instant detectedAt,
      int version) {
    return new Alert(
        series,
        evaluation.rule(),
        evaluation.period(),
        status,
        evaluation.severity(),
        evaluation.observedCents(),
        evaluation.baselineCents(),
        evaluation.ratio(),
        detectedAt,
        version);
  }

  /**
   * This alert resolved with the numbers it has, for when its rule can no longer be evaluated and
   * there are no current numbers to carry.
   */
  public Alert resolved(Instant detectedAt) {
    return new Alert(
        series,
        rule,
        period,
        AlertStatus.RESOLVED,
        severity,
        observedCents,
        baselineCents,
        ratio,
        detectedAt,
        version + 1);
  }

  /**
   * Whether this alert already carries exactly the numbers of {@code evaluation} (a revision that
   * changes nothing is silent).
   */
  public boolean hasNumbersOf(Evaluation evaluation) {
    BigDecimal other = evaluation.ratio();
    boolean sameRatio =
        ratio == null ? other == null : other != null && ratio.compareTo(other) == 0;
    return observedCents == evaluation.observedCents()
        && baselineCents == evaluation.baselineCents()
        && sameRatio
        && severity == evaluation.severity();
  }
}
