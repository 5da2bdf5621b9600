package dev.tradewatch.cli;

import dev.tradewatch.config.ConfigKeys;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --http-port}: the port of /metrics, /health and the JSON API (tradewatch.http.port). */
public final class HttpPortOption implements SettingsFlag {

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description =
          "Port of /metrics, /health and /api (tradewatch.http.port, default 8080; 0 = any free port).")
  Integer port;

  @Override
  public void addTo(Map<String, String> flags) {
    if (port != null) {
      flags.put(ConfigKeys.HTTP_PORT, Integer.toString(port));
    }
  }
}
