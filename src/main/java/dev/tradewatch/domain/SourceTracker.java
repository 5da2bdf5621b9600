package dev.tradewatch.domain;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
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
 * updated to that period if the source is overdue even so (a late back-fill of old periods).
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
    state
        .history()
        .record(
            new FirstPublication(
                figure.period(),
                figure.basis(),
                figure.valueCents(),
                figure.source(),
                figure.publishedAt()));
    return judge(state, now, detectedAt);
  }

  /** Judges the source at {@code now} (the settings' as-of instant, if any, takes its place). */
  public Optional<Alert> judge(SourceState state, Instant now, Instant detectedAt) {
    SeriesKey source = state.source();
    SourceSilent.Settings settings =
        config.forFlow(source.reporter(), "", source.category()).of(SourceSilent.RULE);
    Optional<Evaluation> evaluation =
        settings.appliesTo(source)
            ? SourceSilent.RULE.evaluate(
                state.history(), source.reporter(), settings.asOf().orElse(now), settings)
            : Optional.empty();
    Alert existing = state.alert();
    Optional<Alert> change = change(source, existing, evaluation, detectedAt);
    change.ifPresent(state::alert);
    return change;
  }

  private static Optional<Alert> change(
      SeriesKey source, Alert existing, Optional<Evaluation> evaluation, Instant detectedAt) {
    boolean fires = evaluation.isPresent() && evaluation.get().fires();
    if (existing == null || !existing.status().isActive()) {
      if (!fires) {
        return Optional.empty();
      }
      int version = existing == null ? 1 : existing.version() + 1;
      return Optional.of(
          Alert.of(source, evaluation.get(), AlertStatus.FIRING, detectedAt, version, null));
    }
    if (fires && evaluation.get().period().equals(existing.period())) {
      return Optional.empty(); // still silent since the same period: time alone changes nothing
    }
    if (evaluation.isEmpty()) {
      return Optional.of(existing.resolved(detectedAt)); // no longer judged (disabled, scoped out)
    }
    AlertStatus status = fires ? AlertStatus.UPDATED : AlertStatus.RESOLVED;
    return Optional.of(
        Alert.of(
            source,
            evaluation.get(),
            status,
            detectedAt,
            existing.version() + 1,
            existing.firstFiredAsOf()));
  }
}
