package dev.tradewatch.stream;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Reads the rules topic on the global thread: keeps the global store equal to the topic (the latest
 * value of every key, a tombstone removing it) and hands every record to {@link RuleUpdates}. At
 * start-up Kafka Streams restores the store, replaying the records past its checkpoint through a
 * processor like this one; {@link #init} then hands over what the store holds, so that the records
 * before the checkpoint count too ({@link RuleUpdates} judges each record once).
 */
final class RulesMirror implements Processor<String, String, Void, Void> {

  private final RuleUpdates ruleUpdates;
  private KeyValueStore<String, String> store;

  RulesMirror(RuleUpdates ruleUpdates) {
    this.ruleUpdates = ruleUpdates;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(TradewatchTopology.RULES_STORE);
    Map<String, String> records = new HashMap<>();
    try (KeyValueIterator<String, String> all = store.all()) {
      all.forEachRemaining(kv -> records.put(kv.key, kv.value));
    }
    ruleUpdates.startWith(records);
  }

  @Override
  public void process(Record<String, String> record) {
    if (record.key() != null) {
      if (record.value() == null) {
        store.delete(record.key());
      } else {
        store.put(record.key(), record.value());
      }
    }
    ruleUpdates.record(record.key(), record.value()); // a record without a key is rejected there
  }
}
