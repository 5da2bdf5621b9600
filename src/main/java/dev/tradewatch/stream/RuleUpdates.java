package dev.tradewatch.stream;

import dev.tradewatch.config.RulesTopicLayer;
import dev.tradewatch.config.RulesTopicLayer.ActiveRules;
import dev.tradewatch.metrics.PipelineMetrics;
import dev.tradewatch.metrics.PipelineMetrics.RuleUpdate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules in force on this instance: the configured settings with the rules topic's records on
 * top. Stream tasks ask for them from a punctuation, handing over the global store that mirrors the
 * topic; records that changed since the last look are judged once for the whole instance. A
 * rejected record is logged once and counted, and the key keeps its last good value (a restart
 * forgets that value if the topic holds only the bad one by then: the key then falls back to the
 * settings below the topic).
 */
final class RuleUpdates {

  private static final Logger LOG = LoggerFactory.getLogger(RuleUpdates.class);

  private final RulesTopicLayer layer;
  private final PipelineMetrics metrics;

  /** The topic's records as last seen, bad ones included. */
  private Map<String, String> seen = Map.of();

  /** The values in force, by key: the last good value of every key the topic sets. */
  private final Map<String, String> accepted = new TreeMap<>();

  private ActiveRules active;

  RuleUpdates(RulesTopicLayer layer, PipelineMetrics metrics) {
    this.layer = layer;
    this.metrics = metrics;
    this.active = layer.withoutTopic();
    metrics.reevaluation().rulesInForce(active.fingerprint());
  }

  /** The rules in force given the topic's records in {@code topic}. */
  synchronized ActiveRules current(ReadOnlyKeyValueStore<String, String> topic) {
    Map<String, String> records = new HashMap<>();
    try (KeyValueIterator<String, String> all = topic.all()) {
      all.forEachRemaining(kv -> records.put(kv.key, kv.value));
    }
    if (records.equals(seen)) {
      return active;
    }
    boolean changed = false;
    for (Map.Entry<String, String> record : new TreeMap<>(records).entrySet()) {
      String key = record.getKey();
      String value = record.getValue();
      if (value.equals(seen.get(key))) {
        continue;
      }
      Optional<String> rejection = layer.rejection(key, value);
      if (rejection.isPresent()) {
        LOG.warn(
            "ignoring rules-topic record {}={}: {}; keeping {}",
            key,
            value,
            rejection.get(),
            accepted.containsKey(key)
                ? "its last good value " + accepted.get(key)
                : "the configured value");
        metrics.ruleUpdate(RuleUpdate.REJECTED);
      } else if (!value.equals(accepted.put(key, value))) {
        LOG.info("rules topic: {}={}", key, value);
        metrics.ruleUpdate(RuleUpdate.APPLIED);
        changed = true;
      }
    }
    for (String key : seen.keySet()) {
      if (!records.containsKey(key) && accepted.remove(key) != null) {
        LOG.info("rules topic: {} removed", key);
        metrics.ruleUpdate(RuleUpdate.REMOVED);
        changed = true;
      }
    }
    seen = records;
    if (changed) {
      active = layer.apply(accepted);
      metrics.reevaluation().rulesInForce(active.fingerprint());
      LOG.info("rules in force now have fingerprint {}", active.fingerprint());
    }
    return active;
  }
}
