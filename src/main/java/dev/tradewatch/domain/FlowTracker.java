package dev.tradewatch.domain;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertKey;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.figures.FlowKey;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.DetectionConfig;
import dev.tradewatch.domain.rules.Detector;
import dev.tradewatch.domain.rules.Evaluation;
import dev.tradewatch.domain.rules.FlowDetector;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.RuleSettings;
import dev.tradewatch.domain.rules.Rules;
import dev.tradewatch.domain.series.Reported;
import dev.tradewatch.domain.series.YearLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies a figure to its flow's years and works out which alerts change. A figure in year Y can
 * only change what is known in Y (reconciliation is per year), and a rule's findings of a year
 * depend on that year and the {@link Rule#yearsBack} before it (ytd ratios and 12-month baselines
 * look one year back, dormant partners two); so year Y is re-evaluated, and Y+1 and Y+2 only for
 * the rules that reach that far, and a figure reads at most the years Y−{@link
 * Rules#MAX_YEARS_BACK} to Y+{@link Rules#MAX_YEARS_BACK}, whatever the history. The alert state
 * therefore always equals a fresh evaluation of the reported set, whatever order the figures
 * arrived in: whether each alert is active, and its numbers (those of a resolved alert too, unless
 * its rule can no longer be evaluated for its period).
 */
public final class FlowTracker {

  private final DetectionConfig config;

  /**
   * Plans by the settings they were made for (the config's own instances, so by identity), for
   * settings whose rules apply alike to every series: planned once, not for every figure.
   */
  private final Map<RuleSettings, Detector.Plan> plans = new IdentityHashMap<>();

  /** One tracker serves one stream task: not thread-safe. */
  public FlowTracker(DetectionConfig config) {
    this.config = config;
  }

  /** Applies {@code figure} to its flow's {@code window}; {@code now} stamps changed alerts. */
  public Applied apply(FlowWindow window, Figure figure, Instant now) {
    int year = figure.period().getYear();
    FlowYear flowYear = window.year(year);
    String reporter = figure.series().reporter();
    Reported incoming = new Reported(figure.valueCents(), figure.publishedAt(), figure.source());
    Reported current = flowYear.reported(reporter, figure.id());
    if (incoming.equals(current)) {
      return new Applied(FigureOutcome.DUPLICATE, List.of());
    }
    if (current != null && !incoming.supersedes(current)) {
      return new Applied(FigureOutcome.STALE, List.of());
    }
    int month = figure.period().getMonthValue();
    // a month value after every value of the year changes nothing before it: nothing can be
    // derived backwards from it, and no ytd span reaches past the last value (the usual figure)
    boolean appendedMonth =
        figure.basis() == Basis.MONTH && month > flowYear.lastReportedMonth(reporter);
    YearLedger before = appendedMonth ? null : flowYear.ledger(reporter);
    flowYear.putReported(reporter, figure.id(), incoming);
    window.changed(year);
    // a value re-published unchanged is still evaluated: its publishedAt and source are evidence
    FigureOutcome outcome = current == null ? FigureOutcome.NEW : FigureOutcome.REVISION;
    Detector detector = detector(window, figure.series());
    // rules look only backwards: months before the ledger's first change evaluate as before
    int fromMonth = appendedMonth ? month : before.firstDifference(detector.ledger(year));
    if (fromMonth > 12) {
      return new Applied(outcome, List.of());
    }
    List<Alert> changes =
        new ArrayList<>(reevaluateSeries(window, detector, reporter, year, 0, fromMonth, now));
    for (int later = 1; later <= Rules.MAX_YEARS_BACK; later++) {
      changes.addAll(reevaluateSeries(window, detector, reporter, year + later, later, 1, now));
    }
    FlowKey flow = window.flow();
    if (reporter.equals(flow.exporter()) || reporter.equals(flow.importer())) {
      // the two sides meet within a month
      changes.addAll(reevaluateFlow(window, year, fromMonth, now));
    }
    return new Applied(outcome, changes);
  }

  /**
   * Re-evaluates every series of the flow in {@code year} (which {@code window} holds, with the
   * years before it), as after a change of settings; returns the alerts that changed.
   */
  public List<Alert> reevaluateYear(FlowWindow window, int year, Instant now) {
    FlowYear flowYear = window.year(year);
    Set<String> reporters = new TreeSet<>(flowYear.reporters());
    reporters.addAll(flowYear.alertSubjects());
    reporters.remove(SeriesKey.BOTH);
    List<Alert> changes = new ArrayList<>();
    for (String reporter : reporters) {
      Detector detector = detector(window, window.flow().series(reporter));
      changes.addAll(reevaluateSeries(window, detector, reporter, year, 0, 1, now));
    }
    changes.addAll(reevaluateFlow(window, year, 1, now));
    return changes;
  }

  private Detector detector(FlowWindow window, SeriesKey series) {
    String reporter = series.reporter();
    RuleSettings settings = config.forFlow(series.exporter(), series.importer(), series.category());
    Detector.Plan plan = plans.get(settings);
    if (plan == null) {
      plan = Detector.Plan.of(settings, series);
      if (!plan.dependsOnSeries()) {
        plans.put(settings, plan);
      }
    }
    return new Detector(y -> window.year(y).ledger(reporter), plan);
  }

  /**
   * Brings {@code reporter}'s stored alerts of {@code year} from {@code fromMonth} on, of the rules
   * that look at least {@code yearsBack} years back, in line with a fresh evaluation; returns what
   * changed. Other alerts are left as they are: the change cannot reach them.
   */
  private static List<Alert> reevaluateSeries(
      FlowWindow window,
      Detector detector,
      String reporter,
      int year,
      int yearsBack,
      int fromMonth,
      Instant now) {
    FlowYear flowYear = window.year(year);
    if (!flowYear.hasReported(reporter) && flowYear.alerts(reporter).isEmpty()) {
      return List.of(); // nothing known in that year, nothing raised: no rule has a period there
    }
    return reconcile(
        window,
        window.flow().series(reporter),
        year,
        yearsBack,
        fromMonth,
        detector.evaluate(year, yearsBack, fromMonth),
        now);
  }

  /** The same for the flow's own alerts, those of rules comparing its two reporters. */
  private List<Alert> reevaluateFlow(FlowWindow window, int year, int fromMonth, Instant now) {
    FlowKey flow = window.flow();
    FlowYear flowYear = window.year(year);
    SeriesKey subject = flow.series(SeriesKey.BOTH);
    boolean bothSides =
        flowYear.hasReported(flow.exporter()) && flowYear.hasReported(flow.importer());
    if (!bothSides && flowYear.alerts(SeriesKey.BOTH).isEmpty()) {
      return List.of(); // one side alone: no month where the two meet, nothing raised
    }
    FlowDetector detector =
        new FlowDetector(
            subject,
            y -> window.year(y).ledger(flow.exporter()),
            y -> window.year(y).ledger(flow.importer()),
            config.forFlow(flow.exporter(), flow.importer(), flow.category()));
    if (detector.isEmpty() && flowYear.alerts(SeriesKey.BOTH).isEmpty()) {
      return List.of(); // no flow rule applies, none ever fired
    }
    return reconcile(window, subject, year, 0, fromMonth, detector.evaluate(year, fromMonth), now);
  }

  /**
   * Brings the stored alerts of {@code subject} in {@code year} from {@code fromMonth} on, of the
   * rules that look at least {@code yearsBack} years back, in line with {@code evaluations}, a
   * fresh evaluation of those rules there; returns what changed.
   */
  private static List<Alert> reconcile(
      FlowWindow window,
      SeriesKey subject,
      int year,
      int yearsBack,
      int fromMonth,
      List<Evaluation> evaluations,
      Instant now) {
    FlowYear flowYear = window.year(year);
    String reporter = subject.reporter();
    Collection<Alert> stored = flowYear.alerts(reporter);
    List<Alert> changes = new ArrayList<>();
    Set<AlertKey> evaluated = new HashSet<>();
    for (Evaluation evaluation : evaluations) {
      AlertKey key = AlertKey.of(evaluation);
      evaluated.add(key);
      change(subject, flowYear.alert(reporter, key), evaluation, now).ifPresent(changes::add);
    }
    for (Alert alert : stored) {
      if (alert.rule().yearsBack() < yearsBack || alert.period().getMonthValue() < fromMonth) {
        continue; // out of the change's reach: its evaluation is what it was
      }
      if (alert.status().isActive() && !evaluated.contains(alert.key())) {
        // The rule can no longer be evaluated for this period (its value, baseline or last year's
        // ytd is no longer known, or it was disabled), so there are no current numbers: the
        // record keeps the last ones that fired. Only these numbers depend on arrival order;
        // whether the alert is active does not (OrderIndependenceProperties).
        changes.add(alert.resolved(now));
      }
    }
    changes.sort((a, b) -> a.key().compareTo(b.key()));
    changes.forEach(flowYear::putAlert);
    if (!changes.isEmpty()) {
      window.changed(year);
    }
    return changes;
  }

  /**
   * What {@code evaluation} changes in the alert it stands for: it fires, is updated, resolves, or
   * (resolved already) takes the numbers as they now stand; nothing when it never fired or nothing
   * differs. So every alert with a record carries the current numbers, active or not. Numbers
   * include what they were worked out from (asOf, evidence, method): a re-published value with a
   * new publishedAt or source updates the alerts that looked at it.
   */
  static Optional<Alert> change(
      SeriesKey series, Alert existing, Evaluation evaluation, Instant now) {
    if (existing == null) {
      return evaluation.fires()
          ? Optional.of(Alert.of(series, evaluation, AlertStatus.FIRING, now, 1, null))
          : Optional.empty();
    }
    boolean active = existing.status().isActive();
    if (active == evaluation.fires() && existing.hasStateOf(evaluation)) {
      return Optional.empty();
    }
    AlertStatus status =
        !evaluation.fires()
            ? AlertStatus.RESOLVED
            : active ? AlertStatus.UPDATED : AlertStatus.FIRING;
    return Optional.of(
        Alert.of(
            series, evaluation, status, now, existing.version() + 1, existing.firstFiredAsOf()));
  }
}
