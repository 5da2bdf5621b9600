package dev.tradewatch.domain;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertKey;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.DetectionConfig;
import dev.tradewatch.domain.rules.Detector;
import dev.tradewatch.domain.rules.Evaluation;
import dev.tradewatch.domain.rules.RuleSettings;
import dev.tradewatch.domain.series.Reported;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a figure to its series' state and works out which alerts change. A figure in year Y can
 * only change what is known in Y (reconciliation is per year), and findings of a year depend on
 * that year and the one before (ytd ratios, 12-month baselines); so Y and Y+1 are re-evaluated and
 * nothing else. The alert state therefore always equals a fresh evaluation of the reported set,
 * whatever order the figures arrived in.
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
    Reported incoming = new Reported(figure.valueCents(), figure.publishedAt());
    Reported current = state.reported(figure.id());
    if (incoming.equals(current)) {
      return new Applied(FigureOutcome.DUPLICATE, List.of());
    }
    if (current != null && !incoming.supersedes(current)) {
      return new Applied(FigureOutcome.STALE, List.of());
    }
    state.putReported(figure.id(), incoming);
    FigureOutcome outcome = current == null ? FigureOutcome.NEW : FigureOutcome.REVISION;
    if (current != null && current.valueCents() == incoming.valueCents()) {
      return new Applied(outcome, List.of()); // re-published unchanged: nothing to evaluate
    }
    int year = figure.period().getYear();
    // one detector for both years: it caches each year's ledger, and year Y feeds both evaluations
    SeriesKey series = state.series();
    RuleSettings settings = config.forFlow(series.exporter(), series.importer(), series.category());
    Detector detector = new Detector(state::ledger, settings, series);
    List<Alert> changes = new ArrayList<>(reevaluate(state, detector, year, now));
    changes.addAll(reevaluate(state, detector, year + 1, now));
    return new Applied(outcome, changes);
  }

  /**
   * Brings the stored alerts of {@code year} in line with a fresh evaluation; returns what changed.
   */
  private static List<Alert> reevaluate(
      SeriesState state, Detector detector, int year, Instant now) {
    Map<AlertKey, Evaluation> evaluations = new HashMap<>();
    detector
        .evaluate(year)
        .forEach(evaluation -> evaluations.put(AlertKey.of(evaluation), evaluation));
    List<Alert> changes = new ArrayList<>();
    for (Alert alert : state.alertsIn(Year.of(year))) {
      Evaluation evaluation = evaluations.get(alert.key());
      if (alert.status().isActive() && (evaluation == null || !evaluation.fires())) {
        changes.add(alert.resolved(now));
      }
    }
    for (Evaluation evaluation : evaluations.values()) {
      Alert existing = state.alert(AlertKey.of(evaluation));
      if (!evaluation.fires()) {
        continue;
      }
      if (existing == null || !existing.status().isActive()) {
        int version = existing == null ? 1 : existing.version() + 1;
        changes.add(Alert.of(state.series(), evaluation, AlertStatus.FIRING, now, version));
      } else if (!existing.hasNumbersOf(evaluation)) {
        changes.add(
            Alert.of(state.series(), evaluation, AlertStatus.UPDATED, now, existing.version() + 1));
      }
    }
    changes.sort((a, b) -> a.key().compareTo(b.key()));
    changes.forEach(state::putAlert);
    return changes;
  }
}
