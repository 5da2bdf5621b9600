package dev.tradewatch.stream;

import dev.tradewatch.config.RulesTopicLayer.ActiveRules;
import dev.tradewatch.domain.Applied;
import dev.tradewatch.domain.FlowTracker;
import dev.tradewatch.domain.FlowWindow;
import dev.tradewatch.domain.FlowYear;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.figures.FlowKey;
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
 * Applies each figure to its flow's years in the flow store (reading only the years it can change,
 * see {@link FlowTracker}) and forwards the alert changes, keyed by alert id. Alerts start with
 * fresh headers: input headers are not the alert's business.
 *
 * <p>Rules can change at runtime (the rules topic, read on the global thread into {@link
 * RuleUpdates}). A global store cannot forward to this task, so a wall-clock punctuation looks for
 * a change: when the rules' fingerprint differs from the one this task's alerts were evaluated
 * under, new figures are evaluated under the new rules at once and every stored flow year is
 * re-evaluated, {@link #BATCH} flow years a punctuation, in the task's transaction like any other
 * write. The fingerprint of the pass under way and its cursor live in the change-logged progress
 * store, so a pass interrupted by a crash, or a change made while the application was down,
 * continues after a restart.
 */
final class FlowProcessor implements Processor<String, Figure, String, Alert> {

  /** How often a task looks for a change of rules and re-evaluates a batch. */
  static final Duration RULES_CHECK_INTERVAL = Duration.ofSeconds(1);

  /**
   * Flow years re-evaluated per punctuation: bounded, so that figures keep flowing during a pass.
   */
  static final int BATCH = 500;

  /** Flows whose missing years a task remembers ({@link AbsentYears}): a few MB at most. */
  static final int ABSENT_YEARS_FLOWS = 50_000;

  /** Progress-store keys. */
  static final String APPLIED = "applied";

  static final String TARGET = "target";
  static final String CURSOR = "cursor";
  static final String DONE = "done";

  private final RuleUpdates ruleUpdates;
  private final Clock clock;
  private final PipelineMetrics metrics;
  private final AbsentYears absentYears = new AbsentYears(ABSENT_YEARS_FLOWS);
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, FlowYear> store;
  private KeyValueStore<String, String> progress;
  private String task;
  private ActiveRules rules;
  private FlowTracker tracker;

  FlowProcessor(RuleUpdates ruleUpdates, Clock clock, PipelineMetrics metrics) {
    this.ruleUpdates = ruleUpdates;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.store = context.getStateStore(TradewatchTopology.FLOW_STORE);
    this.progress = context.getStateStore(TradewatchTopology.RULES_PROGRESS_STORE);
    this.task = context.taskId().toString();
    absentYears.clear(); // a revived task's store may have been restored from its changelog
    useRules(ruleUpdates.current());
    context.schedule(RULES_CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::checkRules);
  }

  @Override
  public void process(Record<String, Figure> record) {
    Figure figure = record.value();
    FlowKey flow = FlowKey.of(figure.series());
    String flowId = flow.id(); // built once: looked up below for up to five years
    AbsentYears.Flow absent = absentYears.of(flowId);
    FlowWindow window = window(flow, flowId, absent);
    Applied applied = tracker.apply(window, figure, clock.instant());
    metrics.figure(applied.outcome());
    metrics.processed(record.timestamp(), clock.millis());
    write(window, absent);
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
      tracker = new FlowTracker(current.detection());
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
    List<KeyValue<String, FlowYear>> batch = new ArrayList<>(BATCH);
    boolean more;
    try (KeyValueIterator<String, FlowYear> next = store.range(cursor, null)) {
      while (batch.size() < BATCH && next.hasNext()) {
        KeyValue<String, FlowYear> entry = next.next();
        if (!entry.key.equals(cursor)) {
          batch.add(entry);
        }
      }
      more = next.hasNext();
    }
    for (KeyValue<String, FlowYear> entry : batch) {
      FlowYear stored = entry.value;
      String flowId = stored.flow().id();
      AbsentYears.Flow absent = absentYears.of(flowId);
      FlowWindow window = window(stored.flow(), flowId, absent);
      window.year(stored.year()); // the year re-evaluated: stored below only if it changed
      List<Alert> changes = tracker.reevaluateYear(window, stored.year(), clock.instant());
      write(window, absent);
      forward(changes, wallClockMs);
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

  /**
   * The years of {@code flow} as stored, read when first needed, except those {@code absent} knows
   * are missing.
   */
  private FlowWindow window(FlowKey flow, String flowId, AbsentYears.Flow absent) {
    return new FlowWindow(
        flow,
        year -> {
          if (absent.isAbsent(year)) {
            return null;
          }
          FlowYear found = store.get(FlowYear.storeKey(flowId, year));
          if (found == null) {
            absent.absent(year);
          }
          return found;
        });
  }

  /** Writes back the years the window changed. */
  private void write(FlowWindow window, AbsentYears.Flow absent) {
    for (FlowYear year : window.changedYears()) {
      absent.written(year.year()); // first: a failed put must not leave it "absent"
      store.put(year.storeKey(), year);
    }
  }

  private void forward(List<Alert> changes, long timestamp) {
    for (Alert alert : changes) {
      context.forward(new Record<>(alert.alertId(), alert, timestamp));
      metrics.alertChanged(alert);
    }
  }
}
