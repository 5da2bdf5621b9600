package dev.tradewatch.stream;

import dev.tradewatch.config.Topics;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.figures.FigureValidator;
import dev.tradewatch.domain.figures.FlowKey;
import dev.tradewatch.metrics.PipelineMetrics;
import java.time.Clock;
import java.util.List;
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
 *                                  └─ accepted ─┬─ on its flow's partition ─► key-in-place ──────────┐
 *                                               ├─ elsewhere ─► key-by-flow ─► "figures-by-flow" ─┴─►
 *                                               │    track-flows [flow-store, rules-progress] ─► alert topic
 *                                               └─ figures ─► key-by-source (new publications) ─► "figures-by-source"
 *                                                    ─► track-sources [source-store] ─► alert topic
 * rules topic ─► mirror-rules [rules-store, global] ─► RuleUpdates (one per instance), read by
 *                                                       both tracks on a punctuation
 * </pre>
 *
 * The record key is not trusted, so figures are re-keyed by flow (exporter, importer, category)
 * before the stateful step; every figure of a flow, whoever reports it, then meets the same state,
 * which is what makes the outcome independent of how the input was partitioned and lets rules
 * compare a flow's two reporters. A figure already read from the partition its flow is tracked on
 * ({@link FlowPartitioner}: an input keyed by flow, as {@code replay} writes it) skips the
 * repartition topic: the task reading it owns that flow, so the input and the repartition topic
 * feed the same sub-topology. The state is kept per flow and year ({@link FlowProcessor}). Every
 * instance reads the whole rules topic into a global store and {@link RuleUpdates}, where the flow
 * step picks up rules changed at runtime; the global store comes last, so that the numbering of the
 * other sub-topologies, and so their task ids, does not depend on it. Names of processors, the
 * store and the repartition topic are part of the upgrade contract (see the golden test of {@code
 * describe()}).
 */
public final class TradewatchTopology {

  public static final String FLOW_STORE = "flow-store";
  public static final String REPARTITION = "figures-by-flow";
  public static final String RULES_STORE = "rules-store";
  public static final String SOURCE_STORE = "source-store";
  public static final String SOURCE_REPARTITION = "figures-by-source";
  public static final String RULES_PROGRESS_STORE = "rules-progress";

  private TradewatchTopology() {}

  /** The full names Kafka Streams gives the repartition topics of an application. */
  public static List<String> repartitionTopics(String applicationId) {
    return List.of(
        applicationId + "-" + REPARTITION + "-repartition",
        applicationId + "-" + SOURCE_REPARTITION + "-repartition");
  }

  public static Topology build(TopologySettings settings, PipelineMetrics metrics, Clock clock) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(FLOW_STORE), Serdes.String(), new FlowYearSerde()));
    FigureParser parser = new FigureParser(new FigureValidator(clock), settings.maxRecordBytes());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(RULES_PROGRESS_STORE),
            Serdes.String(),
            Serdes.String()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(SOURCE_STORE), Serdes.String(), new SourceStateSerde()));
    RuleUpdates ruleUpdates = new RuleUpdates(settings.rules(), metrics);
    Topics topics = settings.topics();

    Map<String, KStream<byte[], ParsedFigure>> routes =
        builder.stream(
                topics.input(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("figures-in"))
            .processValues(
                () ->
                    new ParseFigureProcessor(
                        parser, metrics, settings.deadLetterMaxBytes(), settings.flowPartitions()),
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

    KStream<byte[], ParsedFigure> acceptedParsed = routes.get("route-accepted");
    KStream<byte[], Figure> accepted =
        acceptedParsed.mapValues(ParsedFigure::figure, Named.as("figures"));

    Map<String, KStream<byte[], ParsedFigure>> flowRoutes =
        acceptedParsed
            .split(Named.as("flow-partition-"))
            .branch((key, parsed) -> parsed.onFlowPartition(), Branched.as("here"))
            .defaultBranch(Branched.as("elsewhere"));
    KStream<String, Figure> moved =
        flowRoutes
            .get("flow-partition-elsewhere")
            .map(TradewatchTopology::byFlow, Named.as("key-by-flow"))
            .repartition(
                Repartitioned.<String, Figure>as(REPARTITION)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(new FigureSerde())
                    .withStreamPartitioner(new FlowPartitioner()));
    flowRoutes
        .get("flow-partition-here")
        .map(TradewatchTopology::byFlow, Named.as("key-in-place"))
        .merge(moved, Named.as("merge-flows"))
        .process(
            () -> new FlowProcessor(ruleUpdates, clock, metrics),
            Named.as("track-flows"),
            FLOW_STORE,
            RULES_PROGRESS_STORE)
        .to(
            topics.alerts(),
            Produced.with(Serdes.String(), new AlertJson()).withName("alerts-out"));

    accepted
        .process(SourceNews::new, Named.as("key-by-source"))
        .repartition(
            Repartitioned.<String, Figure>as(SOURCE_REPARTITION)
                .withKeySerde(Serdes.String())
                .withValueSerde(new FigureSerde()))
        .process(
            () -> new SourceProcessor(ruleUpdates, clock, metrics),
            Named.as("track-sources"),
            SOURCE_STORE)
        .to(
            topics.alerts(),
            Produced.with(Serdes.String(), new AlertJson()).withName("source-alerts-out"));

    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RULES_STORE), Serdes.String(), Serdes.String())
            .withLoggingDisabled(), // a global store's changelog is its source topic
        topics.rules(),
        Consumed.with(Serdes.String(), Serdes.String()).withName("mirror-rules"),
        () -> new RulesMirror(ruleUpdates));
    return builder.build();
  }

  private static KeyValue<String, Figure> byFlow(byte[] key, ParsedFigure parsed) {
    Figure figure = parsed.figure();
    return KeyValue.pair(FlowKey.of(figure.series()).id(), figure);
  }
}
