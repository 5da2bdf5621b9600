package dev.tradewatch.domain.alerts;

import dev.tradewatch.domain.figures.FlowKey;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.Evaluation;
import dev.tradewatch.domain.rules.Finding;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Severity;
import dev.tradewatch.domain.series.Evidence;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The current state of one alert: a rule firing (or no longer firing) for one series and period.
 * The id is deterministic, so replaying the same data yields the same ids; {@code version} counts
 * changes. {@code asOf}, {@code evidence} and {@code method} say what the numbers were worked out
 * from (state, like the numbers); {@code firstFiredAsOf} is the {@code asOf} of the first FIRING
 * (history, like {@code version}). Alerts stored before evidence was kept have a null {@code asOf}
 * and {@code method} and no evidence until their next change.
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
    int version,
    Instant asOf,
    Instant firstFiredAsOf,
    List<Evidence> evidence,
    String method) {

  /**
   * At most this many evidence entries are kept: a baseline's 12 months and the month itself, with
   * room to spare, so that an alert stays a small record whatever a rule comes to look at.
   */
  public static final int MAX_EVIDENCE = 26;

  public Alert {
    evidence =
        List.copyOf(evidence.size() > MAX_EVIDENCE ? evidence.subList(0, MAX_EVIDENCE) : evidence);
  }

  /** An alert without evidence, as stored before evidence was kept. */
  public Alert(
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
    this(
        series,
        rule,
        period,
        status,
        severity,
        observedCents,
        baselineCents,
        ratio,
        detectedAt,
        version,
        null,
        null,
        List.of(),
        null);
  }

  /**
   * E.g. {@code TUR-AZE-defence-aerospace-TUR-month-threshold-2020-09}; an alert of a flow (a rule
   * comparing its two reporters) has the flow's id instead of the series': {@code
   * ISR-AZE-93-mirror-gap-2020-09}; an alert about a source has one id whatever its period: {@code
   * TUR-defence-aerospace-source-silent}.
   */
  public String alertId() {
    if (series.isSource()) {
      return series.id() + '-' + rule.name();
    }
    String subject = series.isFlow() ? FlowKey.of(series).id() : series.id();
    return subject + '-' + rule.name() + '-' + period;
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
    return new Finding(period, observedCents, baselineCents, ratio, evidence, series);
  }

  /**
   * The alert {@code evaluation} stands for; {@code firstFiredAsOf} is kept from an earlier
   * version, or null to take this evaluation's {@code asOf} when it fires.
   */
  public static Alert of(
      SeriesKey series,
      Evaluation evaluation,
      AlertStatus status,
      Instant detectedAt,
      int version,
      Instant firstFiredAsOf) {
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
        version,
        evaluation.asOf(),
        firstFiredAsOf == null && evaluation.fires() ? evaluation.asOf() : firstFiredAsOf,
        evaluation.evidence(),
        evaluation.method());
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
        version + 1,
        asOf,
        firstFiredAsOf,
        evidence,
        method);
  }

  /**
   * Whether this alert already carries exactly the state of {@code evaluation}: its numbers, and
   * what they were worked out from (a revision that changes none of it is silent).
   */
  public boolean hasStateOf(Evaluation evaluation) {
    return hasNumbersOf(evaluation)
        && evaluation.asOf().equals(asOf)
        && evaluation.method().equals(method)
        && evaluation.evidence().equals(evidence);
  }

  private boolean hasNumbersOf(Evaluation evaluation) {
    BigDecimal other = evaluation.ratio();
    boolean sameRatio =
        ratio == null ? other == null : other != null && ratio.compareTo(other) == 0;
    return observedCents == evaluation.observedCents()
        && baselineCents == evaluation.baselineCents()
        && sameRatio
        && severity == evaluation.severity();
  }
}
