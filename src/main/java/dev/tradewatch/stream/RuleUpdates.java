package dev.tradewatch.stream;

import dev.tradewatch.config.RulesTopicLayer;
import dev.tradewatch.config.RulesTopicLayer.ActiveRules;
import dev.tradewatch.metrics.PipelineMetrics;
import dev.tradewatch.metrics.PipelineMetrics.RuleUpdate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules in force on this instance: the configured settings with the rules topic's records on
 * top, shared by the global thread that reads the topic ({@link RulesMirror}) and the stream tasks
 * that apply the rules ({@link FlowProcessor} and {@link SourceProcessor}, from a punctuation).
 * Each record is judged once, as it arrives: a rejected one is logged and counted, and its key
 * keeps its last good value. On start-up Kafka Streams replays through {@link RulesMirror} what the
 * topic still holds beyond the local checkpoint; a record judged already is not judged again. If
 * the latest record of a key is a bad one and its good predecessor is gone (compacted away, or
 * before the checkpoint), the key falls back to the settings below the topic.
 */
final class RuleUpdates {

  private static final Logger LOG = LoggerFactory.getLogger(RuleUpdates.class);

  private final RulesTopicLayer layer;
  private final PipelineMetrics metrics;

  /** The values in force, by key: the last good value of every key the topic sets. */
  private final Map<String, String> accepted = new TreeMap<>();

  /**
   * The latest record judged per key, good or bad, so that a record is judged (and logged) once.
   */
  private final Map<String, String> judged = new HashMap<>();

  private volatile ActiveRules active;

  RuleUpdates(RulesTopicLayer layer, PipelineMetrics metrics) {
    this.layer = layer;
    this.metrics = metrics;
    this.active = layer.withoutTopic();
    metrics.reevaluation().rulesInForce(active.fingerprint());
  }

  /** The rules in force now. */
  ActiveRules current() {
    return active;
  }

  /** The records the topic held at start-up (key → latest value), before any {@link #record}. */
  synchronized void startWith(Map<String, String> records) {
    boolean changed = false;
    for (Map.Entry<String, String> record : new TreeMap<>(records).entrySet()) {
      changed |= judge(record.getKey(), record.getValue());
    }
    if (changed) {
      rulesChanged();
    }
  }

  /** A record read from the topic; a null value is a tombstone. */
  synchronized void record(String key, String value) {
    if (judge(key, value)) {
      rulesChanged();
    }
  }

  /** Applies or rejects one record; returns whether the values in force changed. */
  private boolean judge(String key, String value) {
    if (key != null && judged.containsKey(key) && Objects.equals(judged.get(key), value)) {
      return false; // seen already: Kafka Streams replays a global store's records on restore
    }
    if (key != null) {
      judged.put(key, value);
    }
    Optional<String> rejection = layer.rejection(key, value);
    if (rejection.isPresent()) {
      LOG.warn(
          "ignoring rules-topic record {}={}: {}; keeping {}",
          key,
          value,
          rejection.get(),
          key != null && accepted.containsKey(key)
              ? "its last good value " + accepted.get(key)
              : "the configured value");
      metrics.ruleUpdate(RuleUpdate.REJECTED);
      return false;
    }
    if (value == null) {
      if (accepted.remove(key) == null) {
        return false;
      }
      LOG.info("rules topic: {} removed", key);
      metrics.ruleUpdate(RuleUpdate.REMOVED);
      return true;
    }
    if (value.equals(accepted.put(key, value))) {
      return false;
    }
    LOG.info("rules topic: {}={}", key, value);
    metrics.ruleUpdate(RuleUpdate.APPLIED);
    return true;
  }

  private void rulesChanged() {
    active = layer.apply(accepted);
    metrics.reevaluation().rulesInForce(active.fingerprint());
    LOG.info("rules in force now have fingerprint {}", active.fingerprint());
  }
}
