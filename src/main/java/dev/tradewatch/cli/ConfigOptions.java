package dev.tradewatch.cli;

import dev.tradewatch.config.Settings;
import dev.tradewatch.config.SettingsLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE} and {@code --set KEY=VALUE}: shared by every command that reads settings.
 */
public final class ConfigOptions {

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

  /**
   * Defaults < --config < TRADEWATCH_* environment < --set < {@code flags} (the command's own
   * options).
   */
  public Settings load(Map<String, String> flags) {
    Map<String, String> merged = new HashMap<>(overrides);
    merged.putAll(flags);
    return SettingsLoader.load(configFile, System.getenv(), merged);
  }
}
