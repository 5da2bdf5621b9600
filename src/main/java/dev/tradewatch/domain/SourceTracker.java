package dev.tradewatch.domain;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.DetectionConfig;
import dev.tradewatch.domain.rules.Evaluation;
import dev.tradewatch.domain.rules.SourceSilent;
import dev.tradewatch.domain.series.SourceHistory.FirstPublication;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps each source's history and judges whether it has gone silent ({@link SourceSilent}): on
 * every figure of the source, and whenever asked (a wall-clock punctuation). The alert fires once;
 * the passage of time alone never updates it, and it resolves when a newer period arrives — or is
 * updated to that period if the source is overdue even so (a late back-fill of old periods). Like
 * every alert, it carries the numbers as they now stand, so its current state does not depend on
 * the order the source's figures arrived in.
 */
public final class SourceTracker {

  private final DetectionConfig config;

  public SourceTracker(DetectionConfig config) {
    this.config = config;
  }

  /** The source {@code figure} belongs to. */
  public static SeriesKey sourceOf(Figure figure) {
    return SeriesKey.source(figure.series().reporter(), figure.series().category());
  }

  /**
   * Records {@code figure}'s publication in {@code state} (which it mutates) and judges the source
   * at {@code now}; returns the alert change, if any. {@code detectedAt} stamps it.
   */
  public Optional<Alert> apply(SourceState state, Figure figure, Instant now, Instant detectedAt) {
    record(state, figure);
    return judge(state, now, detectedAt);
  }

  /**
   * Records {@code figure}'s publication in {@code state} without judging the source; returns
   * whether the history changed.
   */
  public boolean record(SourceState state, Figure figure) {
    return state.history().record(publicationOf(figure));
  }

  /** What {@code figure} tells its source's history. */
  public static FirstPublication publicationOf(Figure figure) {
    return new FirstPublication(
        figure.period(),
        figure.basis(),
        figure.valueCents(),
        figure.source(),
        figure.publishedAt());
  }

  /** Judges the source at {@code now}, or at the settings' as-of instant if that is earlier. */
  public Optional<Alert> judge(SourceState state, Instant now, Instant detectedAt) {
    SeriesKey source = state.source();
    SourceSilent.Settings settings =
        config.forFlow(source.reporter(), "", source.category()).of(SourceSilent.RULE);
    Optional<Evaluation> evaluation =
        settings.appliesTo(source)
            ? SourceSilent.RULE.evaluate(
                state.history(),
                source.reporter(),
                settings.asOf().filter(asOf -> asOf.isBefore(now)).orElse(now),
                settings)
            : Optional.empty();
    Alert existing = state.alert();
    Optional<Alert> change = change(source, existing, evaluation, detectedAt);
    change.ifPresent(state::alert);
    return change;
  }

  /**
   * The change {@code evaluation} makes, as for any alert: it fires, is updated, resolves, or
   * (resolved already) takes the numbers as they now stand. Its numbers — period, method, evidence
   * — come from the source's history alone, never from "now", so the passage of time can make it
   * fire but never updates it.
   */
  private static Optional<Alert> change(
      SeriesKey source, Alert existing, Optional<Evaluation> evaluation, Instant detectedAt) {
    if (evaluation.isEmpty()) { // no longer judged (too few periods, disabled, out of scope)
      return existing != null && existing.status().isActive()
          ? Optional.of(existing.resolved(detectedAt))
          : Optional.empty();
    }
    return FlowTracker.change(source, existing, evaluation.get(), detectedAt); // as any alert
  }
}
