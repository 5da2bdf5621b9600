package dev.tradewatch.domain;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertKey;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.figures.FlowKey;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.DetectionConfig;
import dev.tradewatch.domain.rules.Detector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Test harness: a map of flow years driven by a {@link FlowTracker}, as one stream task would, read
 * back as whole series.
 */
final class Monitor {

  static final Instant NOW = Instant.parse("2026-11-27T23:10:00Z");

  private final DetectionConfig config;
  private final FlowTracker tracker;
  private final Map<String, FlowYear> store = new HashMap<>();
  private final List<Alert> emitted = new ArrayList<>();
  private final List<FigureOutcome> outcomes = new ArrayList<>();

  Monitor(DetectionConfig config) {
    this.config = config;
    this.tracker = new FlowTracker(config);
  }

  Monitor() {
    this(DetectionConfig.defaults());
  }

  Monitor feed(Figure... figures) {
    for (Figure figure : figures) {
      FlowKey flow = FlowKey.of(figure.series());
      FlowWindow window = new FlowWindow(flow, year -> store.get(FlowYear.storeKey(flow, year)));
      Applied applied = tracker.apply(window, figure, NOW);
      window.changedYears().forEach(year -> store.put(year.storeKey(), year));
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
    for (SeriesState state : states()) {
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

  /**
   * Every alert with a record by id → "active|resolved severity observed/baseline ratio asOf method
   * evidence": the current state the contract promises, resolved alerts included. A resolved alert
   * whose rule can no longer be evaluated for its period shows only that it is resolved: its
   * numbers are the last that fired, which depend on history. History is left out: version,
   * detectedAt, firstFiredAsOf, FIRING versus UPDATED.
   */
  Map<String, String> currentState() {
    Map<String, String> current = new TreeMap<>();
    for (SeriesState state : states()) {
      Set<AlertKey> evaluable = evaluable(state);
      for (Alert alert : state.alerts()) {
        String numbers =
            alert.severity()
                + " "
                + alert.observedCents()
                + "/"
                + alert.baselineCents()
                + " "
                + alert.ratio()
                + " "
                + alert.asOf()
                + " "
                + alert.method()
                + " "
                + alert.evidence();
        current.put(
            alert.alertId(),
            alert.status().isActive()
                ? "active " + numbers
                : evaluable.contains(alert.key()) ? "resolved " + numbers : "resolved");
      }
    }
    return current;
  }

  /** The alerts a fresh evaluation of the series has numbers for, firing or not. */
  private Set<AlertKey> evaluable(SeriesState state) {
    SeriesKey series = state.series();
    Detector detector =
        new Detector(
            state::ledger,
            config.forFlow(series.exporter(), series.importer(), series.category()),
            series);
    Set<AlertKey> keys = new HashSet<>();
    state.alerts().stream()
        .map(alert -> alert.period().getYear())
        .distinct()
        .forEach(year -> detector.evaluate(year).forEach(e -> keys.add(AlertKey.of(e))));
    return keys;
  }

  SeriesState state(SeriesKey key) {
    return states().stream().filter(state -> state.series().equals(key)).findFirst().orElse(null);
  }

  /**
   * Re-evaluates every stored flow year under {@code rules}, as the pass after a change of rules
   * does; returns the alerts that changed.
   */
  List<Alert> reevaluateAll(DetectionConfig rules) {
    FlowTracker reevaluating = new FlowTracker(rules);
    List<Alert> changes = new ArrayList<>();
    for (FlowYear stored : new ArrayList<>(store.values())) {
      FlowKey flow = stored.flow();
      FlowWindow window = new FlowWindow(flow, year -> store.get(FlowYear.storeKey(flow, year)));
      changes.addAll(reevaluating.reevaluateYear(window, stored.year(), NOW));
      window.changedYears().forEach(year -> store.put(year.storeKey(), year));
    }
    return changes;
  }

  /** Every series held, each with all its years. */
  Collection<SeriesState> states() {
    return FlowYear.series(store.values());
  }

  /** The flow years held, by store key. */
  Map<String, FlowYear> store() {
    return store;
  }
}
