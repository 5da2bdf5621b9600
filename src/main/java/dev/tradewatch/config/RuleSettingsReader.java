package dev.tradewatch.config;

import dev.tradewatch.domain.rules.DetectionConfig;
import dev.tradewatch.domain.rules.InvalidSettingException;
import dev.tradewatch.domain.rules.Scope;
import dev.tradewatch.domain.rules.Selector;
import dev.tradewatch.domain.rules.SourceRule;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the rules' settings from the merged configuration: the global keys, and the overrides under
 * each selector. Each rule parses its own keys; which selector's value a flow gets is decided by
 * {@link DetectionConfig}.
 */
final class RuleSettingsReader {

  private RuleSettingsReader() {}

  static DetectionConfig detection(Map<String, String> values) {
    Set<Selector> selectors = new HashSet<>();
    for (String key : new TreeSet<>(values.keySet())) { // sorted: the same first error every time
      ConfigKeys.parseOverride(key).ifPresent(override -> selectors.add(selector(key, override)));
    }
    try {
      return DetectionConfig.read(ConfigKeys.RULE_KEYS, values, selectors);
    } catch (InvalidSettingException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private static Selector selector(String key, OverrideKey override) {
    Selector selector =
        Selector.parse(override.selector())
            .orElseThrow(() -> ConfigException.forKey(key, Selector.EXPECTED, override.selector()));
    // a source is a reporter and a category, to any partner: REPORTER-*[-CATEGORY]
    if (override.rule() instanceof SourceRule<?> && !selector.importer().equals(Scope.ALL)) {
      throw ConfigException.forKey(key, "REPORTER-*[-CATEGORY]", override.selector());
    }
    return selector;
  }
}
