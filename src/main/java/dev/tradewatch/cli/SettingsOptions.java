package dev.tradewatch.cli;

import dev.tradewatch.config.ConfigException;
import dev.tradewatch.config.ConfigKeys;
import dev.tradewatch.config.Settings;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options of commands that run against a cluster of the user's: which cluster, which application
 * id, where state lives.
 */
public final class SettingsOptions {

  @Mixin ConfigOptions config;

  @Mixin BootstrapOption bootstrap;

  @Option(
      names = "--application-id",
      paramLabel = "ID",
      description =
          "Kafka Streams application id, also the consumer group and transactional id prefix (tradewatch.application-id).")
  String applicationId;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "Directory for local state stores (tradewatch.state-dir).")
  Path stateDir;

  /** Loads the settings: defaults < --config < TRADEWATCH_* environment < flags. */
  public Settings load() {
    return config.load(flags());
  }

  /** As {@link #load()}, with more flags from the command's own options. */
  public Settings load(Consumer<Map<String, String>> moreFlags) {
    Map<String, String> flags = flags();
    moreFlags.accept(flags);
    return config.load(flags);
  }

  private Map<String, String> flags() {
    Map<String, String> flags = bootstrap.flags();
    put(flags, ConfigKeys.APPLICATION_ID, applicationId);
    put(flags, ConfigKeys.STATE_DIR, stateDir == null ? null : stateDir.toString());
    return flags;
  }

  private static void put(Map<String, String> flags, String key, String value) {
    if (value != null) {
      if (value.isBlank()) {
        throw new ConfigException(key + ": expected a value, found nothing");
      }
      flags.put(key, value);
    }
  }
}
