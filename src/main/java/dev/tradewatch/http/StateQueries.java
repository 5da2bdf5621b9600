package dev.tradewatch.http;

import dev.tradewatch.domain.FlowYear;
import dev.tradewatch.domain.SeriesState;
import dev.tradewatch.domain.SourceState;
import dev.tradewatch.stream.TradewatchTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Read-only access to this instance's flow store (Kafka Streams interactive queries), and the other
 * instances that hold the rest. Store access throws {@link
 * org.apache.kafka.streams.errors.InvalidStateStoreException} while the client is not running
 * (starting, rebalancing); callers answer 503 then.
 */
public final class StateQueries {

  private final KafkaStreams streams;
  private final HostInfo self;

  public StateQueries(KafkaStreams streams, HostInfo self) {
    this.streams = streams;
    this.self = self;
  }

  public KafkaStreams.State streamsState() {
    return streams.state();
  }

  /** Every source held here, as stored. */
  public void forEachLocalSource(Consumer<SourceState> action) {
    try (KeyValueIterator<String, SourceState> all = sourceStore().all()) {
      all.forEachRemaining(kv -> action.accept(kv.value));
    }
  }

  /** Every flow year held here, as stored. */
  public void forEachLocalYear(Consumer<FlowYear> action) {
    try (KeyValueIterator<String, FlowYear> all = store().all()) {
      all.forEachRemaining(kv -> action.accept(kv.value));
    }
  }

  /**
   * Every series held here, each with all its years, then the flows' and the sources' own alerts
   * (as series of reporter {@code both}, and of no exporter or importer).
   */
  public void forEachLocal(Consumer<SeriesState> action) {
    List<FlowYear> years = new ArrayList<>();
    try (KeyValueIterator<String, FlowYear> all = store().all()) {
      all.forEachRemaining(kv -> years.add(kv.value));
    }
    FlowYear.series(years).forEach(action);
    try (KeyValueIterator<String, SourceState> all = sourceStore().all()) {
      all.forEachRemaining(
          kv -> {
            if (kv.value.alert() != null) {
              SeriesState source = new SeriesState(kv.value.source());
              source.putAlert(kv.value.alert());
              action.accept(source);
            }
          });
    }
  }

  /** The local series of one exporter → importer pair (all categories and reporters). */
  public List<SeriesState> localPair(String exporter, String importer) {
    List<FlowYear> years = new ArrayList<>();
    try (KeyValueIterator<String, FlowYear> pair =
        store().prefixScan(exporter + "-" + importer + "-", new StringSerializer())) {
      pair.forEachRemaining((KeyValue<String, FlowYear> kv) -> years.add(kv.value));
    }
    return new ArrayList<>(FlowYear.series(years));
  }

  /** The HTTP endpoints ({@code host:port}) of the other instances of this application. */
  public List<String> otherInstances() {
    List<String> others = new ArrayList<>();
    streams
        .metadataForAllStreamsClients()
        .forEach(
            metadata -> {
              HostInfo host = metadata.hostInfo();
              if (!host.equals(self) && host.port() > 0) {
                others.add(host.host() + ":" + host.port());
              }
            });
    return others;
  }

  private ReadOnlyKeyValueStore<String, SourceState> sourceStore() {
    return streams.store(
        StoreQueryParameters.fromNameAndType(
            TradewatchTopology.SOURCE_STORE, QueryableStoreTypes.keyValueStore()));
  }

  private ReadOnlyKeyValueStore<String, FlowYear> store() {
    return streams.store(
        StoreQueryParameters.fromNameAndType(
            TradewatchTopology.FLOW_STORE, QueryableStoreTypes.keyValueStore()));
  }
}
