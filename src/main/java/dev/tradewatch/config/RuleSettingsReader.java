package dev.tradewatch.config;

import dev.tradewatch.domain.figures.Countries;
import dev.tradewatch.domain.rules.DetectionConfig;
import dev.tradewatch.domain.rules.InvalidSettingException;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.RuleSettings;
import dev.tradewatch.domain.rules.SettingValues;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the rules' settings from the merged configuration: the global settings, and for each pair
 * with overrides, its complete settings (an override key replaces the global one for that pair).
 * Each rule parses its own keys.
 */
final class RuleSettingsReader {

  private RuleSettingsReader() {}

  static DetectionConfig detection(Map<String, String> values) {
    try {
      RuleSettings global =
          RuleSettings.read(
              rule -> new SettingValues(key -> ConfigKeys.ruleKey(rule, key), values));
      Map<String, RuleSettings> overrides = new HashMap<>();
      for (String key : values.keySet()) {
        ConfigKeys.parseOverride(key)
            .ifPresent(
                override -> {
                  checkPair(key, override);
                  overrides.computeIfAbsent(override.pair(), pair -> forPair(pair, values));
                });
      }
      return new DetectionConfig(global, overrides);
    } catch (InvalidSettingException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private static RuleSettings forPair(String pair, Map<String, String> values) {
    return RuleSettings.read(
        rule -> new SettingValues(key -> keyForPair(rule, pair, key, values), values));
  }

  /** The override of {@code key} for {@code pair} when there is one, the global key otherwise. */
  private static String keyForPair(
      Rule<?> rule, String pair, String key, Map<String, String> values) {
    String override = ConfigKeys.overrideKey(rule, pair, key);
    return values.containsKey(override) ? override : ConfigKeys.ruleKey(rule, key);
  }

  private static void checkPair(String key, OverrideKey override) {
    if (!Countries.isKnown(override.exporter())
        || !Countries.isKnown(override.importer())
        || override.exporter().equals(override.importer())) {
      throw ConfigException.forKey(
          key,
          "an EXPORTER-IMPORTER pair of two different ISO 3166-1 alpha-3 codes",
          override.pair());
    }
  }
}
