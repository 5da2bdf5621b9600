package dev.tradewatch.cli;

import java.util.Map;

/** A command-line option that sets a configuration key: the top layer of the settings. */
interface SettingsFlag {

  /** Puts this option's key and value into {@code flags}, when the option was given. */
  void addTo(Map<String, String> flags);
}
