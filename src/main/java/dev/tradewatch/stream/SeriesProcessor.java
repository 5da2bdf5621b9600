package dev.tradewatch.stream;

import dev.tradewatch.domain.Applied;
import dev.tradewatch.domain.FigureOutcome;
import dev.tradewatch.domain.SeriesState;
import dev.tradewatch.domain.SeriesTracker;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.metrics.PipelineMetrics;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies each figure to its series' state in the series store and forwards the alert changes,
 * keyed by alert id. Alerts start with fresh headers: input headers are not the alert's business.
 */
final class SeriesProcessor implements Processor<String, Figure, String, Alert> {

  private final SeriesTracker tracker;
  private final Clock clock;
  private final PipelineMetrics metrics;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, SeriesState> store;

  SeriesProcessor(SeriesTracker tracker, Clock clock, PipelineMetrics metrics) {
    this.tracker = tracker;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.store = context.getStateStore(TradewatchTopology.SERIES_STORE);
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
    for (Alert alert : applied.changes()) {
      context.forward(new Record<>(alert.alertId(), alert, record.timestamp()));
      metrics.alertChanged(alert);
    }
  }
}
