package dev.tradewatch.config;

import java.util.Map;

/**
 * Typed, validated reads of configuration values; every failure names the key and what was
 * expected.
 */
final class Values {

  private final Map<String, String> values;

  Values(Map<String, String> values) {
    this.values = values;
  }

  String text(String key) {
    String value = raw(key);
    if (value.isEmpty()) {
      throw ConfigException.forKey(key, "a value", value);
    }
    return value;
  }

  String optionalText(String key) {
    return raw(key);
  }

  boolean bool(String key) {
    String value = raw(key);
    if (!value.equals("true") && !value.equals("false")) {
      throw ConfigException.forKey(key, "true or false", value);
    }
    return Boolean.parseBoolean(value);
  }

  int intBetween(String key, int min, int max) {
    String value = raw(key);
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ConfigException.forKey(key, "a whole number from " + min + " to " + max, value);
  }

  int replicationFactor(String key) {
    String value = raw(key);
    if (value.equals("-1")) {
      return -1;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= 1 && parsed <= Short.MAX_VALUE) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ConfigException.forKey(
        key, "a replication factor ≥ 1, or -1 for the broker's default", value);
  }

  ProcessingGuarantee guarantee(String key) {
    String value = raw(key);
    return ProcessingGuarantee.fromKafkaName(value)
        .orElseThrow(() -> ConfigException.forKey(key, "exactly_once_v2 or at_least_once", value));
  }

  private String raw(String key) {
    String value = values.get(key);
    return value == null ? "" : value.strip();
  }
}
