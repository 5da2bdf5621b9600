package dev.tradewatch.stream;

import dev.tradewatch.config.RulesTopicLayer.ActiveRules;
import dev.tradewatch.domain.SourceState;
import dev.tradewatch.domain.SourceTracker;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.metrics.PipelineMetrics;
import dev.tradewatch.metrics.SourceJudgements;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each source's history in the source store and judges whether it has gone silent: on every
 * figure that reaches it, and for every source on a wall-clock punctuation, since a silence is
 * something that happens while nothing arrives. "Now" is the wall clock, or the rules' as-of
 * instant when that is earlier. A replay of history (a backtest, the demo: {@link
 * SourceJudgements#waitForEndOfInput}) records every figure but judges the sources only once its
 * input has been read, at its as-of instant, the data's latest publication.
 */
final class SourceProcessor implements Processor<String, Figure, String, Alert> {

  /** How often every source is judged again in {@code run}. */
  static final Duration JUDGE_INTERVAL = Duration.ofSeconds(30);

  /** How often a replay whose input has been read judges every source (once changes nothing). */
  static final Duration REPLAY_JUDGE_INTERVAL = Duration.ofSeconds(1);

  private final RuleUpdates ruleUpdates;
  private final Clock clock;
  private final PipelineMetrics metrics;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, SourceState> store;
  private String fingerprint;
  private SourceTracker tracker;
  private String task;
  private long lastJudgedAllMs;

  SourceProcessor(RuleUpdates ruleUpdates, Clock clock, PipelineMetrics metrics) {
    this.ruleUpdates = ruleUpdates;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.store = context.getStateStore(TradewatchTopology.SOURCE_STORE);
    this.task = context.taskId().toString();
    metrics.sourceJudgements().opened(task);
    context.schedule(REPLAY_JUDGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::maybeJudgeAll);
  }

  @Override
  public void close() {
    if (task != null) {
      metrics.sourceJudgements().closed(task);
    }
  }

  @Override
  public void process(Record<String, Figure> record) {
    Figure figure = record.value();
    String key = record.key();
    SourceState state = store.get(key);
    if (state == null) {
      state = new SourceState(SourceTracker.sourceOf(figure));
    }
    SourceTracker current = tracker();
    boolean recorded = current.record(state, figure);
    // a replay judges once its input has been read; a figure that tells nothing new judges nothing
    Optional<Alert> change =
        metrics.sourceJudgements().mayJudge()
            ? current.judge(state, clock.instant(), clock.instant())
            : Optional.empty();
    if (recorded || change.isPresent()) { // written only when it changed: a change-logged store
      store.put(key, state);
    }
    change.ifPresent(alert -> forward(alert, record.timestamp()));
  }

  private void maybeJudgeAll(long wallClockMs) {
    SourceJudgements judgements = metrics.sourceJudgements();
    if (!judgements.mayJudge()) {
      return; // a replay still reading its input
    }
    if (judgements.replay() || wallClockMs - lastJudgedAllMs >= JUDGE_INTERVAL.toMillis()) {
      judgeAll(wallClockMs);
      lastJudgedAllMs = wallClockMs;
      judgements.judgedAll(task, clock.millis());
    }
  }

  /** Judges every source again: time passes, and the rules may have changed. */
  private void judgeAll(long wallClockMs) {
    SourceTracker current = tracker();
    Instant now = clock.instant();
    List<SourceState> changed = new ArrayList<>();
    List<Alert> changes = new ArrayList<>();
    try (KeyValueIterator<String, SourceState> all = store.all()) {
      while (all.hasNext()) {
        SourceState state = all.next().value;
        current
            .judge(state, now, now)
            .ifPresent(
                alert -> {
                  changed.add(state);
                  changes.add(alert);
                });
      }
    }
    changed.forEach(state -> store.put(state.storeKey(), state));
    changes.forEach(alert -> forward(alert, wallClockMs));
  }

  private SourceTracker tracker() {
    ActiveRules rules = ruleUpdates.current();
    if (!rules.fingerprint().equals(fingerprint)) {
      fingerprint = rules.fingerprint();
      tracker = new SourceTracker(rules.detection());
    }
    return tracker;
  }

  private void forward(Alert alert, long timestamp) {
    context.forward(new Record<>(alert.alertId(), alert, timestamp));
    metrics.alertChanged(alert);
  }
}
