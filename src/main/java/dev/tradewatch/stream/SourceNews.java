package dev.tradewatch.stream;

import dev.tradewatch.domain.SourceTracker;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.series.SourceHistory.FirstPublication;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Passes on, re-keyed by source, only the figures that may tell a source's history something new:
 * most figures are one more partner's value for a period their reporter already published. A small
 * per-task cache remembers the first publication passed on per (source, period); a figure that the
 * history would not take over it (in the history's own order, ties included) is dropped before the
 * re-key, which keeps the source step's Kafka work small. Each task passes on an ever better
 * candidate per period, so the history still sees the best of all. The cache starts empty with
 * every (re)initialised task, so an aborted transaction passes on a little more, never less.
 */
final class SourceNews implements Processor<byte[], Figure, String, Figure> {

  /** (source, period) pairs remembered per task; more are forgotten oldest-used first. */
  static final int CACHE_ENTRIES = 20_000;

  private final Map<SourcePeriod, FirstPublication> passedOn =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SourcePeriod, FirstPublication> eldest) {
          return size() > CACHE_ENTRIES;
        }
      };

  /** A source (reporter and category) and a period: no string is built for every figure. */
  private record SourcePeriod(String reporter, String category, YearMonth period) {}

  private ProcessorContext<String, Figure> context;

  @Override
  public void init(ProcessorContext<String, Figure> context) {
    this.context = context;
    passedOn.clear(); // a revived task re-reads figures whose forwards were aborted
  }

  @Override
  public void process(Record<byte[], Figure> record) {
    Figure figure = record.value();
    SourcePeriod key =
        new SourcePeriod(figure.series().reporter(), figure.series().category(), figure.period());
    FirstPublication publication = SourceTracker.publicationOf(figure);
    FirstPublication known = passedOn.get(key);
    if (known != null && !publication.precedes(known)) {
      return;
    }
    passedOn.put(key, publication);
    context.forward(record.withKey(SourceTracker.sourceOf(figure).id()));
  }
}
