package dev.tradewatch.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@link Settings} from the four layers: built-in defaults &lt; {@code --config} file &lt;
 * {@code TRADEWATCH_*} environment variables &lt; command-line flags. Unknown keys are errors; a
 * {@code TRADEWATCH_*} variable that matches no key is ignored with a warning.
 */
public final class SettingsLoader {

  private static final Logger LOG = LoggerFactory.getLogger(SettingsLoader.class);

  private SettingsLoader() {}

  /**
   * @param configFile the {@code --config} file, or null
   * @param environment the process environment (only {@code TRADEWATCH_*} variables are read)
   * @param flags keys set by command-line flags
   */
  public static Settings load(
      Path configFile, Map<String, String> environment, Map<String, String> flags) {
    return load(Map.of(), configFile, environment, flags);
  }

  /**
   * As {@link #load(Path, Map, Map)}, with a command's own defaults (the demo's loopback HTTP, say)
   * layered just above the built-in ones.
   */
  public static Settings load(
      Map<String, String> commandDefaults,
      Path configFile,
      Map<String, String> environment,
      Map<String, String> flags) {
    Map<String, String> merged = new TreeMap<>(ConfigKeys.DEFAULTS);
    merged.putAll(checked(commandDefaults, " (a command default)"));
    if (configFile != null) {
      merged.putAll(checked(readFile(configFile), " (in " + configFile + ")"));
    }
    merged.putAll(checked(environmentKeys(environment), " (from the environment)"));
    merged.putAll(checked(flags, ""));
    Settings settings = build(merged);
    KafkaKeys.unknown(settings.cluster().clientOverrides())
        .forEach(
            key ->
                LOG.warn(
                    "{} is not a setting of any Kafka client (a typo?); passed on all the same",
                    key));
    return settings;
  }

  public static Settings defaults() {
    return build(ConfigKeys.DEFAULTS);
  }

  static Map<String, String> readFile(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigException("--config: " + FileProblems.describe(file, e));
    }
    Map<String, String> values = new HashMap<>();
    properties
        .stringPropertyNames()
        .forEach(key -> values.put(key, properties.getProperty(key).strip()));
    return values;
  }

  /**
   * The keys {@code TRADEWATCH_*} variables set, and the variables that match no key. Those are
   * ignored rather than refused: Kubernetes sets {@code TRADEWATCH_SERVICE_HOST}, {@code
   * TRADEWATCH_PORT} and more for a Service named tradewatch.
   */
  record FromEnvironment(Map<String, String> values, List<String> ignored) {}

  static FromEnvironment fromEnvironment(Map<String, String> environment) {
    Map<String, String> values = new HashMap<>();
    List<String> ignored = new ArrayList<>();
    new TreeMap<>(environment)
        .forEach(
            (variable, value) -> {
              if (variable.startsWith(ConfigKeys.ENV_PREFIX)) {
                ConfigKeys.keyForEnv(variable)
                    .ifPresentOrElse(key -> values.put(key, value), () -> ignored.add(variable));
              }
            });
    return new FromEnvironment(values, ignored);
  }

  /** The keys the environment sets; one warning per variable that matches none. */
  private static Map<String, String> environmentKeys(Map<String, String> environment) {
    FromEnvironment read = fromEnvironment(environment);
    read.ignored()
        .forEach(
            variable ->
                LOG.warn(
                    "ignoring environment variable {}: it matches no tradewatch.* or kafka.* key",
                    variable));
    return read.values();
  }

  private static Map<String, String> checked(Map<String, String> values, String where) {
    for (String key : new TreeSet<>(values.keySet())) {
      boolean known =
          ConfigKeys.DEFAULTS.containsKey(key)
              || key.startsWith(ConfigKeys.KAFKA_PREFIX)
                  && key.length() > ConfigKeys.KAFKA_PREFIX.length()
              || ConfigKeys.parseOverride(key).isPresent();
      if (!known) {
        throw new ConfigException("unknown configuration key " + key + where);
      }
    }
    return values;
  }

  static Settings build(Map<String, String> values) {
    Values v = new Values(values);
    Topics topics =
        new Topics(
            v.text(ConfigKeys.TOPIC_INPUT),
            v.text(ConfigKeys.TOPIC_ALERTS),
            v.text(ConfigKeys.TOPIC_DEAD_LETTER),
            v.text(ConfigKeys.TOPIC_RULES));
    Settings.TopicCreation creation =
        new Settings.TopicCreation(
            v.bool(ConfigKeys.TOPICS_CREATE),
            v.intBetween(ConfigKeys.TOPICS_PARTITIONS, 1, 10_000),
            (short) v.replicationFactor(ConfigKeys.TOPICS_REPLICATION));
    Settings.Cluster cluster =
        new Settings.Cluster(
            v.text(ConfigKeys.BOOTSTRAP_SERVERS),
            kafka(values),
            Duration.ofSeconds(v.intBetween(ConfigKeys.STARTUP_TIMEOUT, 1, 3600)));
    Settings.Application application =
        new Settings.Application(
            v.text(ConfigKeys.APPLICATION_ID),
            Path.of(v.text(ConfigKeys.STATE_DIR)),
            v.guarantee(ConfigKeys.PROCESSING_GUARANTEE));
    return new Settings(
        cluster,
        application,
        topics,
        creation,
        v.intBetween(ConfigKeys.MAX_RECORD_BYTES, 256, 1024 * 1024),
        RuleSettingsReader.detection(values),
        http(v),
        alertmanager(v),
        new Settings.Metrics(
            v.intBetween(ConfigKeys.METRICS_SERIES_GAUGES, 0, 1000),
            Duration.ofSeconds(v.intBetween(ConfigKeys.METRICS_REFRESH, 1, 3600))),
        values);
  }

  private static Settings.Http http(Values v) {
    Settings.Http http =
        new Settings.Http(
            v.intBetween(ConfigKeys.HTTP_PORT, 0, 65_535),
            v.text(ConfigKeys.HTTP_BIND_ADDRESS),
            v.optionalText(ConfigKeys.HTTP_ADVERTISED_HOST),
            v.optionalText(ConfigKeys.HTTP_USERNAME),
            v.optionalText(ConfigKeys.HTTP_PASSWORD),
            v.optionalText(ConfigKeys.HTTP_KEYSTORE),
            v.optionalText(ConfigKeys.HTTP_KEYSTORE_PASSWORD));
    if (http.requiresAuth() && http.password().isEmpty()) {
      throw new ConfigException(
          ConfigKeys.HTTP_PASSWORD
              + ": expected a password when "
              + ConfigKeys.HTTP_USERNAME
              + " is set");
    }
    return http;
  }

  private static Settings.Alertmanager alertmanager(Values v) {
    List<URI> urls = new ArrayList<>();
    for (String url : v.optionalText(ConfigKeys.ALERTMANAGER_URL).split(",")) {
      if (!url.isBlank()) {
        urls.add(alertmanagerUrl(url.strip()));
      }
    }
    Settings.Alertmanager alertmanager =
        new Settings.Alertmanager(
            urls,
            v.optionalText(ConfigKeys.ALERTMANAGER_USERNAME),
            v.optionalText(ConfigKeys.ALERTMANAGER_PASSWORD),
            v.optionalText(ConfigKeys.ALERTMANAGER_TRUSTSTORE),
            v.optionalText(ConfigKeys.ALERTMANAGER_TRUSTSTORE_PASSWORD),
            Duration.ofSeconds(v.intBetween(ConfigKeys.ALERTMANAGER_RESEND, 1, 3600)));
    if (!alertmanager.username().isEmpty() && alertmanager.password().isEmpty()) {
      throw new ConfigException(
          ConfigKeys.ALERTMANAGER_PASSWORD
              + ": expected a password when "
              + ConfigKeys.ALERTMANAGER_USERNAME
              + " is set");
    }
    return alertmanager;
  }

  private static URI alertmanagerUrl(String text) {
    try {
      URI url = new URI(text);
      if (url.getRawUserInfo() != null) {
        // it would be logged and shown with the URL, and the client would not send it
        throw new ConfigException(
            ConfigKeys.ALERTMANAGER_URL
                + ": credentials in the URL are not used; set "
                + ConfigKeys.ALERTMANAGER_USERNAME
                + " and "
                + ConfigKeys.ALERTMANAGER_PASSWORD);
      }
      if (("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
          && url.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ConfigException(
        ConfigKeys.ALERTMANAGER_URL
            + ": expected http(s)://HOST:PORT (comma-separated for several), found "
            + text);
  }

  private static Map<String, String> kafka(Map<String, String> values) {
    Map<String, String> kafka = new HashMap<>();
    values.forEach(
        (key, value) -> {
          if (key.startsWith(ConfigKeys.KAFKA_PREFIX)) {
            kafka.put(key.substring(ConfigKeys.KAFKA_PREFIX.length()), value);
          }
        });
    return kafka;
  }
}
