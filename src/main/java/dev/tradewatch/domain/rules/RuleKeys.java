package dev.tradewatch.domain.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a rule's key list: {@value Rule#ENABLED} (default true), then its scope keys (default
 * {@value Scope#ALL}), then the rule's own keys.
 */
final class RuleKeys {

  private RuleKeys() {}

  /**
   * @param scope the scope keys the rule has
   * @param keysAndDefaults key, default, key, default, … in documentation order
   */
  static Map<String, String> of(List<ScopeKey> scope, String... keysAndDefaults) {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put(Rule.ENABLED, "true");
    scope.forEach(scopeKey -> keys.put(scopeKey.key(), Scope.ALL));
    for (int i = 0; i < keysAndDefaults.length; i += 2) {
      keys.put(keysAndDefaults[i], keysAndDefaults[i + 1]);
    }
    return Collections.unmodifiableMap(keys);
  }
}
