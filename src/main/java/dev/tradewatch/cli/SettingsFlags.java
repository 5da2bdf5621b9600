package dev.tradewatch.cli;

import dev.tradewatch.config.ConfigException;
import java.util.Map;

/** What every {@link SettingsFlag} does with its value. */
final class SettingsFlags {

  private SettingsFlags() {}

  /** Puts {@code value} under {@code key} when the flag was given; a blank value is an error. */
  static void put(Map<String, String> flags, String key, String value) {
    if (value == null) {
      return;
    }
    if (value.isBlank()) {
      throw new ConfigException(key + ": expected a value, found nothing");
    }
    flags.put(key, value);
  }
}
