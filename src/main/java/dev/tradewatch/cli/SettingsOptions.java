package dev.tradewatch.cli;

import dev.tradewatch.config.Settings;
import dev.tradewatch.config.SettingsLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE} and {@code --set KEY=VALUE}, and the one way every command loads its
 * settings: built-in defaults &lt; the command's own defaults &lt; {@code --config} &lt; {@code
 * TRADEWATCH_*} environment &lt; {@code --set} &lt; the command's flags.
 */
public final class SettingsOptions {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Properties file with tradewatch.* and kafka.* keys.")
  Path configFile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Any configuration key, e.g. --set tradewatch.rules.month-spike.factor=8. Repeatable.")
  Map<String, String> overrides = new LinkedHashMap<>();

  /** Loads the settings with the command's {@code flags} on top. */
  Settings load(SettingsFlag... flags) {
    return load(Map.of(), flags);
  }

  /**
   * As {@link #load(SettingsFlag...)}, with {@code commandDefaults} just above the built-in ones.
   */
  Settings load(Map<String, String> commandDefaults, SettingsFlag... flags) {
    Map<String, String> top = new HashMap<>(overrides);
    for (SettingsFlag flag : flags) {
      flag.addTo(top);
    }
    return SettingsLoader.load(commandDefaults, configFile, System.getenv(), top);
  }
}
