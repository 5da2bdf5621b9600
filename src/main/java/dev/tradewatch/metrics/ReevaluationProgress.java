package dev.tradewatch.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's rules fingerprint and how far its stream tasks are with re-evaluating their
 * series after a change of rules: for {@code /health} and the {@code
 * tradewatch_rules_reevaluation_remaining_flow_years} gauge. A task's total is the store's current
 * estimate of its flow years (a flow's state in one calendar year), refreshed with every batch, so
 * "remaining" is approximate while figures keep arriving.
 */
public final class ReevaluationProgress {

  public static final String REMAINING = "tradewatch.rules.reevaluation.remaining";

  /** Where one task's pass stands. */
  record TaskPass(long done, long total) {}

  /** All passes under way on this instance, summed; no tasks means none is under way. */
  public record Snapshot(String fingerprint, int tasks, long done, long total) {

    public boolean reevaluating() {
      return tasks > 0;
    }

    public long remaining() {
      return Math.max(0, total - done);
    }
  }

  private final Map<String, TaskPass> passes = new ConcurrentHashMap<>();
  private volatile String fingerprint = "";

  ReevaluationProgress(MeterRegistry registry) {
    Gauge.builder(REMAINING, this, progress -> progress.snapshot().remaining())
        .description(
            "Flow years still to re-evaluate on this instance after a change of rules (0 when none)")
        .baseUnit("flow.years")
        .register(registry);
  }

  /** The fingerprint of the rules this instance's tasks now apply. */
  public void rulesInForce(String fingerprint) {
    this.fingerprint = fingerprint;
  }

  /** Task {@code task} has re-evaluated {@code done} of about {@code total} series. */
  public void passAt(String task, long done, long total) {
    passes.put(task, new TaskPass(done, Math.max(done, total)));
  }

  /** Task {@code task} has no pass under way (it finished one, or was closed). */
  public void noPass(String task) {
    passes.remove(task);
  }

  public Snapshot snapshot() {
    long done = 0;
    long total = 0;
    int tasks = 0;
    for (TaskPass pass : passes.values()) {
      done += pass.done();
      total += pass.total();
      tasks++;
    }
    return new Snapshot(fingerprint, tasks, done, total);
  }
}
