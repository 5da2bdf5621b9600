package dev.tradewatch.cli;

import dev.tradewatch.config.ConfigKeys;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --bootstrap-servers}: the Kafka cluster, as a flag over {@code
 * tradewatch.bootstrap-servers}.
 */
public final class BootstrapOption {

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT[,…]",
      description = "Kafka cluster (tradewatch.bootstrap-servers).")
  String servers;

  boolean isSet() {
    return servers != null;
  }

  /** The flag as a settings layer: empty when not given. */
  Map<String, String> flags() {
    Map<String, String> flags = new HashMap<>();
    if (servers != null) {
      flags.put(ConfigKeys.BOOTSTRAP_SERVERS, servers);
    }
    return flags;
  }
}
