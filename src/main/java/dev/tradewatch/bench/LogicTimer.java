package dev.tradewatch.bench;

import dev.tradewatch.config.Settings;
import dev.tradewatch.domain.FlowTracker;
import dev.tradewatch.domain.FlowWindow;
import dev.tradewatch.domain.FlowYear;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.figures.FigureValidator;
import dev.tradewatch.domain.figures.FlowKey;
import dev.tradewatch.stream.FigureParser;
import dev.tradewatch.stream.FigureSerde;
import dev.tradewatch.stream.FlowYearSerde;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Times tradewatch's own work per figure, without Kafka, on one thread. */
final class LogicTimer {

  private LogicTimer() {}

  /**
   * Times the domain and serde steps over the whole feed, as the pipeline sees it; a warm-up round,
   * then the measured one.
   */
  static BenchResult.Logic time(List<BenchFeed.Entry> feed, Settings settings) {
    Instant now = Instant.now();
    FigureParser parser =
        new FigureParser(new FigureValidator(Clock.systemUTC()), settings.maxRecordBytes());
    FlowTracker tracker = new FlowTracker(settings.detection());
    FigureSerde figureSerde = new FigureSerde();
    FlowYearSerde stateSerde = new FlowYearSerde();
    long[] nanos = new long[3];
    for (int round = 0; round < 2; round++) {
      Arrays.fill(nanos, 0);
      Map<String, byte[]> store = new HashMap<>();
      for (BenchFeed.Entry entry : feed) {
        long t0 = System.nanoTime();
        Figure parsed = parser.parse(entry.value(), now).figure();
        long t1 = System.nanoTime();
        if (parsed == null) {
          throw new IllegalStateException(
              "the bench feed holds an invalid figure: "
                  + new String(entry.value(), StandardCharsets.UTF_8));
        }
        Figure figure =
            figureSerde
                .deserializer()
                .deserialize("", figureSerde.serializer().serialize("", parsed));
        long t2 = System.nanoTime();
        FlowKey flow = FlowKey.of(figure.series());
        FlowWindow window =
            new FlowWindow(
                flow,
                year ->
                    stateSerde
                        .deserializer()
                        .deserialize("", store.get(FlowYear.storeKey(flow, year))));
        tracker.apply(window, figure, now);
        window
            .changedYears()
            .forEach(
                year -> store.put(year.storeKey(), stateSerde.serializer().serialize("", year)));
        long t3 = System.nanoTime();
        nanos[0] += t1 - t0;
        nanos[1] += t2 - t1;
        nanos[2] += t3 - t2;
      }
    }
    double perFigure = feed.size() * 1000.0;
    return new BenchResult.Logic(nanos[0] / perFigure, nanos[1] / perFigure, nanos[2] / perFigure);
  }
}
