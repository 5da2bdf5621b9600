package dev.tradewatch.http;

import dev.tradewatch.domain.SeriesState;
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
 * Read-only access to this instance's series store (Kafka Streams interactive queries), and the
 * other instances that hold the rest. Store access throws {@link
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

  /** Every series state held here. */
  public void forEachLocal(Consumer<SeriesState> action) {
    try (KeyValueIterator<String, SeriesState> all = store().all()) {
      all.forEachRemaining(kv -> action.accept(kv.value));
    }
  }

  /** The local series of one exporter → importer pair (all categories and reporters). */
  public List<SeriesState> localPair(String exporter, String importer) {
    List<SeriesState> states = new ArrayList<>();
    try (KeyValueIterator<String, SeriesState> pair =
        store().prefixScan(exporter + "-" + importer + "-", new StringSerializer())) {
      pair.forEachRemaining((KeyValue<String, SeriesState> kv) -> states.add(kv.value));
    }
    return states;
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

  private ReadOnlyKeyValueStore<String, SeriesState> store() {
    return streams.store(
        StoreQueryParameters.fromNameAndType(
            TradewatchTopology.SERIES_STORE, QueryableStoreTypes.keyValueStore()));
  }
}
