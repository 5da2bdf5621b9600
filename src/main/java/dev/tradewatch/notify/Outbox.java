package dev.tradewatch.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What Alertmanager must be told, per alert id: every active alert, posted when it changes and
 * again every {@code resendInterval}, each post valid for {@code validity} (so an alert tradewatch
 * stops sending expires by itself); a resolved alert is posted once more with its {@code endsAt},
 * then forgotten. Alertmanager tells alerts apart by their label sets, so a label set an alert
 * leaves (another severity) is ended like a resolved alert. Failed posts are simply retried:
 * nothing is marked sent until Alertmanager accepted it. Single-threaded: the bridge's thread owns
 * it.
 */
final class Outbox {

  /** One alert as last read from the topic; {@code lastSent} null until Alertmanager has it. */
  private record Entry(
      int partition,
      JsonNode alert,
      Instant startsAt,
      Instant endsAt,
      boolean changed,
      Instant lastSent) {

    boolean resolved() {
      return endsAt != null;
    }
  }

  private final Map<String, Entry> entries = new HashMap<>();
  private final Duration resendInterval;
  private final Duration validity;

  Outbox(Duration resendInterval) {
    this.resendInterval = resendInterval;
    // as Prometheus does with its own alerts: valid for four resend intervals
    this.validity = resendInterval.multipliedBy(4);
  }

  /**
   * Takes in an alert record of {@code partition} read at {@code now}. Alertmanager knows an alert
   * by its label set, so when a record's labels differ from those last taken for its id — a new
   * severity, or the severity a resolution carries — the old label set is ended (at the change) and
   * the new one, if active, posted. An end whose label set has expired in Alertmanager by itself
   * (one validity period after its last post) is not posted.
   */
  void record(int partition, JsonNode alert, Instant now) {
    String id = alert.path("alertId").asText("");
    if (id.isEmpty()) {
      return;
    }
    Instant detectedAt = instant(alert.path("detectedAt"), now);
    boolean active = !"RESOLVED".equals(alert.path("status").asText());
    Entry known = entries.get(id);
    boolean continues = known != null && !known.resolved();
    boolean relabelled = known != null && !sameLabels(known.alert(), alert);
    if (relabelled) {
      end(superseded(id, known.alert()), known, continues ? detectedAt : known.endsAt(), now);
    }
    if (active) {
      // firing again under a label set that was being ended: it goes on instead
      entries.remove(superseded(id, alert));
      Instant startsAt = continues ? earlier(known.startsAt(), detectedAt) : detectedAt;
      Instant lastSent = continues ? known.lastSent() : null;
      entries.put(id, new Entry(partition, alert, startsAt, null, true, lastSent));
    } else if (relabelled) {
      entries.remove(id); // what Alertmanager has of it is ended above, under its labels
    } else {
      Instant startsAt = known == null ? detectedAt : known.startsAt();
      Instant lastSent = known == null ? null : known.lastSent();
      end(id, new Entry(partition, alert, startsAt, null, true, lastSent), detectedAt, now);
    }
  }

  private static String superseded(String id, JsonNode alert) {
    return id + " superseded " + AlertmanagerAlert.labels(alert);
  }

  /**
   * Puts under {@code key} the end, at {@code endsAt}, of {@code ended}'s label set — unless every
   * post of it has expired in Alertmanager by {@code now}, which ends it already.
   */
  private void end(String key, Entry ended, Instant endsAt, Instant now) {
    Instant lastPost = ended.lastSent() == null ? endsAt : later(ended.lastSent(), endsAt);
    if (lastPost.plus(validity).isBefore(now)) {
      entries.remove(key);
      return;
    }
    Instant startsAt = earlier(ended.startsAt(), endsAt); // clocks of two instances may differ
    entries.put(key, new Entry(ended.partition(), ended.alert(), startsAt, endsAt, true, null));
  }

  private static boolean sameLabels(JsonNode a, JsonNode b) {
    return AlertmanagerAlert.labels(a).equals(AlertmanagerAlert.labels(b));
  }

  /** Forgets the alerts of partitions this instance no longer owns: their new owner posts them. */
  void forget(Collection<Integer> partitions) {
    entries.values().removeIf(entry -> partitions.contains(entry.partition()));
  }

  /**
   * The posts due at {@code now}, at most {@code max}, keyed as {@link #sent} expects: changes
   * first, then active alerts whose last post is one resend interval old. Alerts of the partitions
   * in {@code holdBack} (still being read from their beginning) wait.
   */
  Map<String, ObjectNode> due(Instant now, int max, String generatorBase, Set<Integer> holdBack) {
    Map<String, ObjectNode> due = new HashMap<>();
    for (boolean changes : new boolean[] {true, false}) {
      for (Map.Entry<String, Entry> candidate : entries.entrySet()) {
        Entry entry = candidate.getValue();
        boolean wanted =
            changes
                ? entry.changed()
                : entry.lastSent() == null || !entry.lastSent().plus(resendInterval).isAfter(now);
        if (due.size() == max || !wanted || holdBack.contains(entry.partition())) {
          continue;
        }
        Instant endsAt = entry.resolved() ? entry.endsAt() : now.plus(validity);
        due.putIfAbsent(
            candidate.getKey(),
            AlertmanagerAlert.of(entry.alert(), entry.startsAt(), endsAt, generatorBase));
      }
    }
    return due;
  }

  /** Alertmanager accepted the posts of {@code ids}, made at {@code now}. */
  void sent(Collection<String> ids, Instant now) {
    for (String id : ids) {
      Entry entry = entries.get(id);
      if (entry == null) {
        continue;
      }
      if (entry.resolved()) {
        entries.remove(id);
      } else {
        entries.put(
            id, new Entry(entry.partition(), entry.alert(), entry.startsAt(), null, false, now));
      }
    }
  }

  /** Alerts waiting for a post: changed ones, and every one while Alertmanager is unreachable. */
  int pending() {
    return (int) entries.values().stream().filter(Entry::changed).count();
  }

  /** Alerts this instance keeps posted (active, or resolved and not yet told). */
  int size() {
    return entries.size();
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant instant(JsonNode value, Instant fallback) {
    try {
      return value.isTextual() ? Instant.parse(value.asText()) : fallback;
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }
}
