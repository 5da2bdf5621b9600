package dev.tradewatch.domain.rules;

import java.util.Map;

/**
 * Rule settings for every pair: the global settings, and complete replacements for overridden
 * pairs.
 */
public record DetectionConfig(RuleSettings global, Map<String, RuleSettings> overridesByPair) {

  public DetectionConfig {
    overridesByPair = Map.copyOf(overridesByPair);
  }

  public static DetectionConfig defaults() {
    return new DetectionConfig(RuleSettings.defaults(), Map.of());
  }

  /** Settings for a pair such as {@code TUR-AZE}. */
  public RuleSettings forPair(String pair) {
    return overridesByPair.getOrDefault(pair, global);
  }
}
