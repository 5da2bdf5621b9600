package dev.tradewatch.stream;

import dev.tradewatch.config.RulesTopicLayer.ActiveRules;
import dev.tradewatch.domain.Applied;
import dev.tradewatch.domain.FigureOutcome;
import dev.tradewatch.domain.SeriesState;
import dev.tradewatch.domain.SeriesTracker;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.metrics.PipelineMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies each figure to its series' state in the series store and forwards the alert changes,
 * keyed by alert id. Alerts start with fresh headers: input headers are not the alert's business.
 *
 * <p>Rules can change at runtime (the rules topic, read on the global thread into {@link
 * RuleUpdates}). A global store cannot forward to this task, so a wall-clock punctuation looks for
 * a change: when the rules' fingerprint differs from the one this task's alerts were evaluated
 * under, new figures are evaluated under the new rules at once and every stored series is
 * re-evaluated, {@link #BATCH} series a punctuation, in the task's transaction like any other
 * write. The fingerprint of the pass under way and its cursor live in the change-logged progress
 * store, so a pass interrupted by a crash, or a change made while the application was down,
 * continues after a restart.
 */
final class SeriesProcessor implements Processor<String, Figure, String, Alert> {

  /** How often a task looks for a change of rules and re-evaluates a batch. */
  static final Duration RULES_CHECK_INTERVAL = Duration.ofSeconds(1);

  /** Series re-evaluated per punctuation: bounded, so that figures keep flowing during a pass. */
  static final int BATCH = 500;

  /** Progress-store keys. */
  static final String APPLIED = "applied";

  static final String TARGET = "target";
  static final String CURSOR = "cursor";
  static final String DONE = "done";

  private final RuleUpdates ruleUpdates;
  private final Clock clock;
  private final PipelineMetrics metrics;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, SeriesState> store;
  private KeyValueStore<String, String> progress;
  private String task;
  private ActiveRules rules;
  private SeriesTracker tracker;

  SeriesProcessor(RuleUpdates ruleUpdates, Clock clock, PipelineMetrics metrics) {
    this.ruleUpdates = ruleUpdates;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.store = context.getStateStore(TradewatchTopology.SERIES_STORE);
    this.progress = context.getStateStore(TradewatchTopology.RULES_PROGRESS_STORE);
    this.task = context.taskId().toString();
    useRules(ruleUpdates.current());
    context.schedule(RULES_CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::checkRules);
  }

  @Override
  public void process(Record<String, Figure> record) {
    Figure figure = record.value();
    String key = figure.series().id();
    SeriesState state = store.get(key);
    if (state == null) {
      state = new SeriesState(figure.series());
    }
    Applied applied = tracker.apply(state, figure, clock.instant());
    metrics.figure(applied.outcome());
    metrics.processed(record.timestamp(), clock.millis());
    if (applied.outcome() == FigureOutcome.NEW || applied.outcome() == FigureOutcome.REVISION) {
      store.put(key, state);
    }
    forward(applied.changes(), record.timestamp());
  }

  @Override
  public void close() {
    if (task != null) {
      metrics.reevaluation().noPass(task);
    }
  }

  private void useRules(ActiveRules current) {
    if (rules == null || !rules.fingerprint().equals(current.fingerprint())) {
      rules = current;
      tracker = new SeriesTracker(current.detection());
    }
  }

  /**
   * Picks up the rules in force and re-evaluates the next batch while this task's series were last
   * evaluated under other rules. A new change while a pass is under way starts it over.
   */
  private void checkRules(long wallClockMs) {
    useRules(ruleUpdates.current());
    String fingerprint = rules.fingerprint();
    String target = progress.get(TARGET);
    if (target == null && fingerprint.equals(progress.get(APPLIED))) {
      return;
    }
    if (!fingerprint.equals(target)) {
      progress.put(TARGET, fingerprint);
      progress.delete(CURSOR);
      progress.put(DONE, "0");
    }
    reevaluateBatch(wallClockMs);
  }

  private void reevaluateBatch(long wallClockMs) {
    String cursor = progress.get(CURSOR);
    List<KeyValue<String, SeriesState>> batch = new ArrayList<>(BATCH);
    boolean more;
    try (KeyValueIterator<String, SeriesState> next = store.range(cursor, null)) {
      while (batch.size() < BATCH && next.hasNext()) {
        KeyValue<String, SeriesState> entry = next.next();
        if (!entry.key.equals(cursor)) {
          batch.add(entry);
        }
      }
      more = next.hasNext();
    }
    for (KeyValue<String, SeriesState> entry : batch) {
      List<Alert> changes = tracker.reevaluateAll(entry.value, clock.instant());
      if (!changes.isEmpty()) {
        store.put(entry.key, entry.value);
        forward(changes, wallClockMs);
      }
    }
    metrics.reevaluated(batch.size());
    long done = Long.parseLong(progress.get(DONE)) + batch.size();
    if (more) {
      progress.put(CURSOR, batch.get(batch.size() - 1).key);
      progress.put(DONE, Long.toString(done));
      metrics.reevaluation().passAt(task, done, store.approximateNumEntries());
    } else {
      progress.put(APPLIED, rules.fingerprint());
      progress.delete(TARGET);
      progress.delete(CURSOR);
      progress.delete(DONE);
      metrics.reevaluation().noPass(task);
    }
  }

  private void forward(List<Alert> changes, long timestamp) {
    for (Alert alert : changes) {
      context.forward(new Record<>(alert.alertId(), alert, timestamp));
      metrics.alertChanged(alert);
    }
  }
}
