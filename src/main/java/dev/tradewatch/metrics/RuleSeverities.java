package dev.tradewatch.metrics;

import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Severity;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The severities each rule can give (contract: spikes are medium, thresholds and ratios high, any
 * of them critical at twice its threshold): meters by rule and severity are registered up front
 * only for these, so dashboards list no series that can never move. Keyed by rule name, so that it
 * stays put while the rules change shape; a rule not listed gets every severity.
 */
final class RuleSeverities {

  private static final Map<String, Set<Severity>> POSSIBLE =
      Map.of(
          "month-spike", EnumSet.of(Severity.MEDIUM, Severity.CRITICAL),
          "month-threshold", EnumSet.of(Severity.HIGH, Severity.CRITICAL),
          "ytd-ratio", EnumSet.of(Severity.HIGH, Severity.CRITICAL));

  private RuleSeverities() {}

  static Set<Severity> of(Rule rule) {
    return POSSIBLE.getOrDefault(rule.key(), EnumSet.allOf(Severity.class));
  }
}
