package dev.tradewatch.bench;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The two Kafka Streams topologies the pipeline is compared with, named like the main one: a
 * pass-through (Kafka's own floor) and a keyed-state topology of tradewatch's shape without its
 * logic (the floor of what the contract forces: a re-key and a change-logged store).
 */
final class BaselineTopologies {

  static final String REPARTITION = "by-series";
  private static final String STORE = "latest-per-key";

  private BaselineTopologies() {}

  /** Consumes and produces the same records, nothing else. */
  static Topology passThrough(String input, String output) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(
            input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-input"))
        .to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("write-output"));
    return builder.build();
  }

  /**
   * Repartitions by the record key (the series, in the bench feed), then reads and writes each
   * record's entry in a persistent, change-logged store.
   */
  static Topology keyedState(String input) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(STORE), Serdes.ByteArray(), Serdes.ByteArray()));
    builder.stream(
            input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-input"))
        .repartition(
            Repartitioned.<byte[], byte[]>as(REPARTITION)
                .withKeySerde(Serdes.ByteArray())
                .withValueSerde(Serdes.ByteArray()))
        .process(LatestPerKey::new, Named.as("keep-latest"), STORE);
    return builder.build();
  }

  /** Keeps the latest value per key, reading the previous one first as tradewatch does. */
  private static final class LatestPerKey implements Processor<byte[], byte[], Void, Void> {
    private KeyValueStore<byte[], byte[]> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
      store.get(record.key());
      store.put(record.key(), record.value());
    }
  }
}
