package dev.tradewatch.cli;

import dev.tradewatch.config.ConfigKeys;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --bootstrap-servers}: the Kafka cluster, as a flag over {@code
 * tradewatch.bootstrap-servers}.
 */
public final class BootstrapOption implements SettingsFlag {

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT[,…]",
      description = "Kafka cluster (tradewatch.bootstrap-servers).")
  String servers;

  boolean isSet() {
    return servers != null;
  }

  @Override
  public void addTo(Map<String, String> flags) {
    SettingsFlags.put(flags, ConfigKeys.BOOTSTRAP_SERVERS, servers);
  }
}
