package dev.tradewatch.domain.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a rule's key list: {@value Rule#ENABLED} (default true), then the rule's own keys. */
final class RuleKeys {

  private RuleKeys() {}

  /**
   * @param keysAndDefaults key, default, key, default, … in documentation order
   */
  static Map<String, String> enabledAnd(String... keysAndDefaults) {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put(Rule.ENABLED, "true");
    for (int i = 0; i < keysAndDefaults.length; i += 2) {
      keys.put(keysAndDefaults[i], keysAndDefaults[i + 1]);
    }
    return Collections.unmodifiableMap(keys);
  }
}
