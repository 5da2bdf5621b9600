package dev.tradewatch.domain;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.DetectionConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test harness: a map of series states driven by a {@link SeriesTracker}, as one stream task would.
 */
final class Monitor {

  static final Instant NOW = Instant.parse("2026-11-27T23:10:00Z");

  private final SeriesTracker tracker;
  private final Map<SeriesKey, SeriesState> states = new HashMap<>();
  private final List<Alert> emitted = new ArrayList<>();
  private final List<FigureOutcome> outcomes = new ArrayList<>();

  Monitor(DetectionConfig config) {
    this.tracker = new SeriesTracker(config);
  }

  Monitor() {
    this(DetectionConfig.defaults());
  }

  Monitor feed(Figure... figures) {
    for (Figure figure : figures) {
      SeriesState state = states.computeIfAbsent(figure.series(), SeriesState::new);
      Applied applied = tracker.apply(state, figure, NOW);
      outcomes.add(applied.outcome());
      emitted.addAll(applied.changes());
    }
    return this;
  }

  List<Alert> emitted() {
    return emitted;
  }

  List<FigureOutcome> outcomes() {
    return outcomes;
  }

  /**
   * Active alerts by id → "rule period severity observed/baseline"; resolved ones count as absent.
   */
  Map<String, String> activeAlerts() {
    Map<String, String> active = new TreeMap<>();
    for (SeriesState state : states.values()) {
      for (Alert alert : state.alerts()) {
        if (alert.status().isActive()) {
          active.put(
              alert.alertId(),
              alert.severity() + " " + alert.observedCents() + "/" + alert.baselineCents());
        }
      }
    }
    return active;
  }

  SeriesState state(SeriesKey key) {
    return states.get(key);
  }
}
