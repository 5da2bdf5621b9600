package dev.tradewatch.config;

import dev.tradewatch.domain.rules.Rule;

/**
 * A per-pair override key, {@code tradewatch.rules.<rule>.overrides.<EXP>-<IMP>.<key>}, in its
 * parts: a known rule, the pair's country codes (not checked yet) and one of the rule's keys.
 */
record OverrideKey(Rule<?> rule, String exporter, String importer, String key) {

  /** E.g. {@code TUR-USA}, which {@code DetectionConfig.forPair} is keyed by. */
  String pair() {
    return exporter + "-" + importer;
  }
}
