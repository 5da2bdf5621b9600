package dev.tradewatch.cli;

import dev.tradewatch.config.ConfigKeys;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --application-id} and {@code --state-dir}: which Kafka Streams application, and where its
 * local state lives.
 */
public final class ApplicationOptions implements SettingsFlag {

  @Option(
      names = "--application-id",
      paramLabel = "ID",
      description =
          "Kafka Streams application id, also the consumer group and transactional id prefix"
              + " (tradewatch.application-id).")
  String applicationId;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "Directory for local state stores (tradewatch.state-dir).")
  Path stateDir;

  @Override
  public void addTo(Map<String, String> flags) {
    SettingsFlags.put(flags, ConfigKeys.APPLICATION_ID, applicationId);
    SettingsFlags.put(flags, ConfigKeys.STATE_DIR, stateDir == null ? null : stateDir.toString());
  }
}
