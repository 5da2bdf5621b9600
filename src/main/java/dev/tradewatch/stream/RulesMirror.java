package dev.tradewatch.stream;

import dev.tradewatch.metrics.PipelineMetrics;
import dev.tradewatch.metrics.PipelineMetrics.RuleUpdate;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global rules store equal to the rules topic: the latest value of every key, a tombstone
 * removing it. Values are judged where they are used ({@link RuleUpdates}), not here: on restart
 * Kafka Streams fills a global store from the topic without this processor.
 */
final class RulesMirror implements Processor<String, String, Void, Void> {

  private static final Logger LOG = LoggerFactory.getLogger(RulesMirror.class);

  private final PipelineMetrics metrics;
  private KeyValueStore<String, String> store;

  RulesMirror(PipelineMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(TradewatchTopology.RULES_STORE);
  }

  @Override
  public void process(Record<String, String> record) {
    if (record.key() == null) {
      LOG.warn("ignoring a rules-topic record without a key (the key names the setting)");
      metrics.ruleUpdate(RuleUpdate.REJECTED);
      return;
    }
    if (record.value() == null) {
      store.delete(record.key());
    } else {
      store.put(record.key(), record.value());
    }
  }
}
