package dev.tradewatch.metrics;

import dev.tradewatch.domain.FigureOutcome;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.RejectReason;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Rules;
import dev.tradewatch.domain.rules.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters and the latency histogram the topology updates as it processes. Every meter is
 * registered up front with every tag value that can occur (alerts: only the severities a rule can
 * give, its {@code severities()}), so that dashboards see zeros rather than gaps. Counting is
 * at-least-once (a transaction that aborts and is retried counts again); the alert topic, not these
 * counters, is the exactly-once record.
 */
public final class PipelineMetrics {

  public static final String FIGURES = "tradewatch.figures";
  public static final String REJECTED = "tradewatch.rejected.figures";
  public static final String ALERTS = "tradewatch.alerts";
  public static final String LATENCY = "tradewatch.processing.latency";
  public static final String RULE_UPDATES = "tradewatch.rule.updates";
  public static final String REEVALUATED = "tradewatch.rules.reevaluated";

  /**
   * The dead-letter reason of an unexpected exception while processing: not a {@link RejectReason},
   * since nothing need be wrong with the input.
   */
  public static final String PROCESSING_ERROR = "processing-error";

  private final MeterRegistry registry;
  private final Map<FigureOutcome, Counter> figures = new EnumMap<>(FigureOutcome.class);
  private final Map<RejectReason, Counter> rejections = new EnumMap<>(RejectReason.class);
  private final Map<String, Counter> alerts = new ConcurrentHashMap<>();
  private final Counter rejectedFigures;
  private final Counter processingErrors;
  private final Timer latency;
  private final Map<RuleUpdate, Counter> ruleUpdates = new EnumMap<>(RuleUpdate.class);
  private final Counter reevaluated;
  private final ReevaluationProgress progress;
  private final SourceJudgements sourceJudgements = new SourceJudgements();

  /** What became of a record on the rules topic. */
  public enum RuleUpdate {
    APPLIED,
    REMOVED,
    REJECTED;

    String tagValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public PipelineMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (FigureOutcome outcome : FigureOutcome.values()) {
      figures.put(outcome, figureCounter(outcome.wireName()));
    }
    rejectedFigures = figureCounter("rejected");
    for (RejectReason reason : RejectReason.values()) {
      rejections.put(reason, rejectionCounter(reason.wireName()));
    }
    processingErrors = rejectionCounter(PROCESSING_ERROR);
    for (Rule<?> rule : Rules.ALL) {
      for (Severity severity : rule.severities()) {
        for (AlertStatus status : AlertStatus.values()) {
          alerts.put(alertKey(rule, severity, status), alertCounter(rule, severity, status));
        }
      }
    }
    for (RuleUpdate update : RuleUpdate.values()) {
      ruleUpdates.put(
          update,
          Counter.builder(RULE_UPDATES)
              .description("Records read from the rules topic, by what became of them")
              .tag("outcome", update.tagValue())
              .register(registry));
    }
    reevaluated =
        Counter.builder(REEVALUATED)
            .description(
                "Flow years (a flow in one calendar year) re-evaluated after a change of rules")
            .baseUnit("flow.years")
            .register(registry);
    progress = new ReevaluationProgress(registry);
    latency =
        Timer.builder(LATENCY)
            .description(
                "From a figure's record timestamp (the producer's) to its processing, alerts included")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(1))
            .register(registry);
  }

  /** Metrics that go nowhere, for tools and tests that do not look at them. */
  public static PipelineMetrics discarding() {
    return new PipelineMetrics(new SimpleMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void figure(FigureOutcome outcome) {
    figures.get(outcome).increment();
  }

  public void rejected(RejectReason reason) {
    rejectedFigures.increment();
    rejections.get(reason).increment();
  }

  /** A record was dead-lettered by the processing exception handler. */
  public void processingError() {
    processingErrors.increment();
  }

  public void alertChanged(Alert alert) {
    // registered on first use if a rule ever gives a severity outside its own ladder
    alerts
        .computeIfAbsent(
            alertKey(alert.rule(), alert.severity(), alert.status()),
            key -> alertCounter(alert.rule(), alert.severity(), alert.status()))
        .increment();
  }

  /** A rules-topic record (a key's new value or its removal) was applied or rejected. */
  public void ruleUpdate(RuleUpdate update) {
    ruleUpdates.get(update).increment();
  }

  /** {@code flowYears} flow years were re-evaluated after a change of rules. */
  public void reevaluated(int flowYears) {
    reevaluated.increment(flowYears);
  }

  /** When this instance's tasks last judged all their sources. */
  public SourceJudgements sourceJudgements() {
    return sourceJudgements;
  }

  /** Where this instance's re-evaluation after a change of rules stands. */
  public ReevaluationProgress reevaluation() {
    return progress;
  }

  /** A figure appended at {@code recordTimestampMs} has been processed now. */
  public void processed(long recordTimestampMs, long nowMs) {
    latency.record(Duration.ofMillis(Math.max(0, nowMs - recordTimestampMs)));
  }

  private Counter figureCounter(String outcome) {
    return Counter.builder(FIGURES)
        .description("Input records processed, by outcome")
        .baseUnit("figures")
        .tag("outcome", outcome)
        .register(registry);
  }

  private Counter rejectionCounter(String reason) {
    return Counter.builder(REJECTED)
        .description("Records sent to the dead-letter topic, by reason")
        .baseUnit("figures")
        .tag("reason", reason)
        .register(registry);
  }

  private Counter alertCounter(Rule<?> rule, Severity severity, AlertStatus status) {
    return Counter.builder(ALERTS)
        .description("Alert changes published, by rule, severity and status")
        .baseUnit("alerts")
        .tag("rule", rule.name())
        .tag("severity", severity.wireName())
        .tag("status", status.name().toLowerCase(Locale.ROOT))
        .register(registry);
  }

  private static String alertKey(Rule<?> rule, Severity severity, AlertStatus status) {
    return rule.name() + "/" + severity + "/" + status;
  }
}
