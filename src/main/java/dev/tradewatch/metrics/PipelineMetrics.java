package dev.tradewatch.metrics;

import dev.tradewatch.domain.Alert;
import dev.tradewatch.domain.FigureOutcome;
import dev.tradewatch.domain.RejectReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counters the topology updates as it processes: figures by outcome, rejections by reason and alert
 * changes. Counting is at-least-once (a transaction that aborts and is retried counts again); the
 * alert topic, not these counters, is the exactly-once record.
 */
public final class PipelineMetrics {

    public static final String FIGURES = "tradewatch.figures";
    public static final String REJECTED = "tradewatch.figures.rejected";
    public static final String ALERTS = "tradewatch.alerts";

    private final MeterRegistry registry;
    private final Map<FigureOutcome, Counter> figures = new EnumMap<>(FigureOutcome.class);
    private final Map<RejectReason, Counter> rejections = new EnumMap<>(RejectReason.class);
    private final Counter rejectedFigures;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (FigureOutcome outcome : FigureOutcome.values()) {
            figures.put(outcome, figureCounter(outcome.wireName()));
        }
        rejectedFigures = figureCounter("rejected");
        for (RejectReason reason : RejectReason.values()) {
            rejections.put(reason, Counter.builder(REJECTED).description("Records sent to the dead-letter topic, by reason")
                    .baseUnit("records").tag("reason", reason.wireName()).register(registry));
        }
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

    public void alertChanged(Alert alert) {
        Counter.builder(ALERTS).description("Alert changes published, by rule, severity and status")
                .baseUnit("alerts")
                .tag("rule", alert.rule().key())
                .tag("severity", alert.severity().wireName())
                .tag("status", alert.status().name().toLowerCase(java.util.Locale.ROOT))
                .register(registry).increment();
    }

    private Counter figureCounter(String outcome) {
        return Counter.builder(FIGURES).description("Input records processed, by outcome")
                .baseUnit("records").tag("outcome", outcome).register(registry);
    }
}
