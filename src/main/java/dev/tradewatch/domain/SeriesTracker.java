package dev.tradewatch.domain;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertKey;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.DetectionConfig;
import dev.tradewatch.domain.rules.Detector;
import dev.tradewatch.domain.rules.Evaluation;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.RuleSettings;
import dev.tradewatch.domain.rules.Rules;
import dev.tradewatch.domain.series.Reported;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Applies a figure to its series' state and works out which alerts change. A figure in year Y can
 * only change what is known in Y (reconciliation is per year), and a rule's findings of a year
 * depend on that year and at most {@link Rule#yearsBack} years before it (ytd ratios and 12-month
 * baselines one, the 24-month look-back of dormant-partner two); so Y is re-evaluated, then Y+1 and
 * Y+2 for the rules that reach back that far, and nothing else. The alert state therefore always
 * equals a fresh evaluation of the reported set, whatever order the figures arrived in: whether
 * each alert is active, and its numbers (those of a resolved alert too, unless its rule can no
 * longer be evaluated for its period).
 */
public final class SeriesTracker {

  private final DetectionConfig config;

  public SeriesTracker(DetectionConfig config) {
    this.config = config;
  }

  /**
   * Applies {@code figure} to {@code state} (which it mutates); {@code now} stamps changed alerts.
   */
  public Applied apply(SeriesState state, Figure figure, Instant now) {
    Reported incoming = new Reported(figure.valueCents(), figure.publishedAt(), figure.source());
    Reported current = state.reported(figure.id());
    if (incoming.equals(current)) {
      return new Applied(FigureOutcome.DUPLICATE, List.of());
    }
    if (current != null && !incoming.supersedes(current)) {
      return new Applied(FigureOutcome.STALE, List.of());
    }
    state.putReported(figure.id(), incoming);
    // a value re-published unchanged is still evaluated: its publishedAt and source are evidence
    FigureOutcome outcome = current == null ? FigureOutcome.NEW : FigureOutcome.REVISION;
    int year = figure.period().getYear();
    // one detector for every year reached: it caches each year's ledger, and year Y feeds them all
    SeriesKey series = state.series();
    RuleSettings settings = config.forFlow(series.exporter(), series.importer(), series.category());
    Detector detector = new Detector(state::ledger, settings, series);
    List<Alert> changes = new ArrayList<>();
    for (int later = 0; later <= Rules.MAX_YEARS_BACK; later++) {
      changes.addAll(reevaluate(state, detector, year + later, later, now));
    }
    return new Applied(outcome, changes);
  }

  /**
   * Re-evaluates every year of {@code state} (which it mutates) under this tracker's rules, as
   * after a change of settings; returns the alerts that changed, {@code now} stamping them.
   */
  public List<Alert> reevaluateAll(SeriesState state, Instant now) {
    SortedSet<Integer> years = new TreeSet<>();
    state.reported().keySet().forEach(id -> years.add(id.period().getYear()));
    for (int year : new ArrayList<>(years)) {
      for (int later = 1; later <= Rules.MAX_YEARS_BACK; later++) {
        years.add(year + later); // their ytd ratios, baselines and look-backs reach back to it
      }
    }
    state.alerts().forEach(alert -> years.add(alert.period().getYear()));
    SeriesKey series = state.series();
    RuleSettings settings = config.forFlow(series.exporter(), series.importer(), series.category());
    Detector detector = new Detector(state::ledger, settings, series);
    List<Alert> changes = new ArrayList<>();
    for (int year : years) {
      changes.addAll(reevaluate(state, detector, year, 0, now));
    }
    return changes;
  }

  /**
   * Brings the stored alerts of {@code year} of the rules that look at least {@code yearsBack}
   * years back in line with a fresh evaluation; returns what changed. The alerts of other rules are
   * left as they are: a change {@code yearsBack} years earlier cannot reach them.
   */
  private static List<Alert> reevaluate(
      SeriesState state, Detector detector, int year, int yearsBack, Instant now) {
    List<Alert> changes = new ArrayList<>();
    Set<AlertKey> evaluated = new HashSet<>();
    for (Evaluation evaluation : detector.evaluate(year, yearsBack)) {
      AlertKey key = AlertKey.of(evaluation);
      evaluated.add(key);
      change(state.series(), state.alert(key), evaluation, now).ifPresent(changes::add);
    }
    for (Alert alert : state.alertsIn(Year.of(year))) {
      if (alert.rule().yearsBack() < yearsBack) {
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
    changes.forEach(state::putAlert);
    return changes;
  }

  /**
   * What {@code evaluation} changes in the alert it stands for: it fires, is updated, resolves, or
   * (resolved already) takes the numbers as they now stand; nothing when it never fired or nothing
   * differs. So every alert with a record carries the current numbers, active or not. Numbers
   * include what they were worked out from (asOf, evidence, method): a re-published value with a
   * new publishedAt or source updates the alerts that looked at it.
   */
  private static Optional<Alert> change(
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
