package dev.tradewatch.stream;

import dev.tradewatch.config.Topics;
import dev.tradewatch.domain.SeriesTracker;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.figures.FigureValidator;
import dev.tradewatch.metrics.PipelineMetrics;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The one place that builds tradewatch's topology; {@code run}, {@code demo}, {@code backtest},
 * {@code bench} and the tests all call {@link #build}.
 *
 * <pre>
 * input ─► parse-figures ─► route ─┬─ rejected ─► dead-letter topic (original bytes + reason headers)
 *                                  └─ accepted ─► key-by-series ─► repartition "figures-by-series"
 *                                                   ─► track-series [series-store] ─► alert topic
 * </pre>
 *
 * The record key is not trusted, so figures are re-keyed by series before the stateful step; every
 * figure of a series then meets the same state, which is what makes the outcome independent of how
 * the input was partitioned. Names of processors, the store and the repartition topic are part of
 * the upgrade contract (see the golden test of {@code describe()}).
 */
public final class TradewatchTopology {

  public static final String SERIES_STORE = "series-store";
  public static final String REPARTITION = "figures-by-series";

  private TradewatchTopology() {}

  /** The full name Kafka Streams gives the repartition topic of an application. */
  public static String repartitionTopic(String applicationId) {
    return applicationId + "-" + REPARTITION + "-repartition";
  }

  public static Topology build(TopologySettings settings, PipelineMetrics metrics, Clock clock) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(SERIES_STORE), Serdes.String(), new SeriesStateSerde()));
    FigureParser parser = new FigureParser(new FigureValidator(clock), settings.maxRecordBytes());
    SeriesTracker tracker = new SeriesTracker(settings.detection());
    Topics topics = settings.topics();

    Map<String, KStream<byte[], ParsedFigure>> routes =
        builder.stream(
                topics.input(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("figures-in"))
            .processValues(
                () -> new ParseFigureProcessor(parser, metrics, settings.deadLetterMaxBytes()),
                Named.as("parse-figures"))
            .split(Named.as("route-"))
            .branch((key, parsed) -> parsed.isRejected(), Branched.as("rejected"))
            .defaultBranch(Branched.as("accepted"));

    routes
        .get("route-rejected")
        .mapValues(ParsedFigure::rejectedBytes, Named.as("original-bytes"))
        .to(
            topics.deadLetter(),
            Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("dead-letters-out"));

    routes
        .get("route-accepted")
        .map(
            (key, parsed) -> KeyValue.pair(parsed.figure().series().id(), parsed.figure()),
            Named.as("key-by-series"))
        .repartition(
            Repartitioned.<String, Figure>as(REPARTITION)
                .withKeySerde(Serdes.String())
                .withValueSerde(new FigureSerde()))
        .process(
            () -> new SeriesProcessor(tracker, clock, metrics),
            Named.as("track-series"),
            SERIES_STORE)
        .to(
            topics.alerts(),
            Produced.with(Serdes.String(), new AlertJson()).withName("alerts-out"));

    return builder.build();
  }
}
