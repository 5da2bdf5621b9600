package dev.tradewatch.config;

import dev.tradewatch.domain.rules.DetectionConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rules topic's layer: rule keys set at runtime, above every other source of settings. Each
 * record is judged on its own against the settings below it (a rule validates each of its keys on
 * its own, so any set of accepted records is valid together).
 */
public final class RulesTopicLayer {

  /** The rule keys of the settings below the topic. */
  private final Map<String, String> below;

  private final ActiveRules withoutTopic;

  public RulesTopicLayer(Settings settings) {
    Map<String, String> rules = new TreeMap<>();
    settings
        .values()
        .forEach(
            (key, value) -> {
              if (isRuleKey(key)) {
                rules.put(key, value);
              }
            });
    this.below = Map.copyOf(rules);
    this.withoutTopic = new ActiveRules(settings.detection(), fingerprint(rules));
  }

  /** The rules as the configured settings give them, with nothing from the rules topic. */
  public ActiveRules withoutTopic() {
    return withoutTopic;
  }

  /**
   * Why the rules topic may not set {@code key} to {@code value}; empty when it may. A null value
   * (a tombstone) removes a key and is always fine for a rule key.
   */
  public Optional<String> rejection(String key, String value) {
    if (key == null) {
      return Optional.of("a record without a key");
    }
    if (!isRuleKey(key)
        || !ConfigKeys.DEFAULTS.containsKey(key) && ConfigKeys.parseOverride(key).isEmpty()) {
      return Optional.of("unknown rule key " + key);
    }
    if (value == null) {
      return Optional.empty();
    }
    try {
      RuleSettingsReader.detection(merged(Map.of(key, value.strip())));
      return Optional.empty();
    } catch (ConfigException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * The rules with {@code accepted} (records for which {@link #rejection} was empty) on top.
   *
   * @throws ConfigException if a value was not checked first
   */
  public ActiveRules apply(Map<String, String> accepted) {
    if (accepted.isEmpty()) {
      return withoutTopic;
    }
    Map<String, String> stripped = new HashMap<>();
    accepted.forEach((key, value) -> stripped.put(key, value.strip()));
    Map<String, String> merged = merged(stripped);
    return new ActiveRules(RuleSettingsReader.detection(merged), fingerprint(merged));
  }

  private Map<String, String> merged(Map<String, String> top) {
    Map<String, String> merged = new TreeMap<>(below);
    merged.putAll(top);
    return merged;
  }

  /** Whether {@code key} names a rule setting ({@code tradewatch.rules.…}), known or not. */
  public static boolean isRuleKey(String key) {
    return key.startsWith(ConfigKeys.RULE_KEYS.prefix());
  }

  /** A short digest of every rule key and value: equal settings, equal fingerprints. */
  private static String fingerprint(Map<String, String> ruleValues) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(ruleValues)
        .forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * The rules in force and their fingerprint, which tells a stream task whether the alerts it holds
   * were evaluated under them.
   */
  public record ActiveRules(DetectionConfig detection, String fingerprint) {}
}
