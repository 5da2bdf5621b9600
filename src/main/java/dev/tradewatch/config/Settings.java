package dev.tradewatch.config;

import dev.tradewatch.domain.rules.DetectionConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Everything a tradewatch process is configured with, validated. {@code values} is the merged
 * key/value layering these settings were built from; {@link #with} puts one more layer on top and
 * validates again, so that no part of the program rebuilds settings by hand.
 */
public record Settings(
    Cluster cluster,
    Application application,
    Topics topics,
    TopicCreation topicCreation,
    int maxRecordBytes,
    DetectionConfig detection,
    Http http,
    Alertmanager alertmanager,
    Metrics metrics,
    Map<String, String> values) {

  public Settings {
    values = Map.copyOf(values);
  }

  /**
   * The Kafka cluster: where it is, the {@code kafka.*} pass-through client settings (prefix
   * removed; security settings included), and how long start-up waits for it.
   */
  public record Cluster(
      String bootstrapServers, Map<String, String> clientOverrides, Duration startupTimeout) {

    public Cluster {
      clientOverrides = Map.copyOf(clientOverrides);
    }

    @Override
    public String toString() { // for logs and diagnostics: secrets are never printed
      Map<String, String> visible = new TreeMap<>();
      clientOverrides.forEach((key, value) -> visible.put(key, hideSecret(key, value)));
      return "Cluster[bootstrapServers="
          + bootstrapServers
          + ", clientOverrides="
          + visible
          + ", startupTimeout="
          + startupTimeout
          + "]";
    }
  }

  /**
   * The Kafka Streams application: its id (also the consumer group and transactional id prefix),
   * where its local state lives, and its processing guarantee.
   */
  public record Application(String id, Path stateDir, ProcessingGuarantee guarantee) {}

  /**
   * The HTTP port: where it binds, and the host other instances reach it at (interactive queries).
   * An empty {@code advertisedHost} means this machine's host name.
   */
  public record Http(
      int port,
      String bindAddress,
      String advertisedHost,
      String username,
      String password,
      String keystore,
      String keystorePassword) {

    /** Whether requests must carry basic-auth credentials. */
    public boolean requiresAuth() {
      return !username.isEmpty();
    }

    /** Whether the port speaks HTTPS (a PKCS#12 keystore is configured). */
    public boolean usesTls() {
      return !keystore.isEmpty();
    }

    @Override
    public String toString() { // never print the secrets
      return "Http[port="
          + port
          + ", bindAddress="
          + bindAddress
          + ", advertisedHost="
          + advertisedHost
          + ", username="
          + username
          + ", password="
          + (password.isEmpty() ? "" : "[hidden]")
          + ", keystore="
          + keystore
          + ", keystorePassword="
          + (keystorePassword.isEmpty() ? "" : "[hidden]")
          + "]";
    }
  }

  /**
   * Where alerts are posted besides the alert topic: Prometheus Alertmanager's base URLs (every
   * peer of an Alertmanager cluster; none = no posting), basic auth, a PKCS#12 truststore for its
   * TLS certificate (empty = the JVM's default trust), and how often active alerts are re-sent.
   */
  public record Alertmanager(
      List<URI> urls,
      String username,
      String password,
      String truststore,
      String truststorePassword,
      Duration resendInterval) {

    public Alertmanager {
      urls = List.copyOf(urls);
    }

    public boolean enabled() {
      return !urls.isEmpty();
    }

    @Override
    public String toString() { // never print the secrets
      return "Alertmanager[urls="
          + urls
          + ", username="
          + username
          + ", password="
          + (password.isEmpty() ? "" : "[hidden]")
          + ", truststore="
          + truststore
          + ", resendInterval="
          + resendInterval
          + "]";
    }
  }

  /** How many series get their own gauges, and how often state-derived gauges are recomputed. */
  public record Metrics(int seriesGauges, Duration refreshInterval) {}

  /**
   * Whether and how missing topics are created at start-up. {@code replicationFactor} -1 means the
   * broker's default.
   */
  public record TopicCreation(boolean enabled, int partitions, short replicationFactor) {}

  /** Settings whose values are secrets: passwords, JAAS configurations, keys. */
  private static final Pattern SECRET = Pattern.compile(".*(password|jaas|secret|\\.key$|token).*");

  private static String hideSecret(String key, String value) {
    return SECRET.matcher(key).matches() && !value.isEmpty() ? "[hidden]" : value;
  }

  /** The same settings with {@code overrides} layered above every other source, validated. */
  public Settings with(Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>(values);
    merged.putAll(overrides);
    return SettingsLoader.build(merged);
  }

  /** The same settings on another cluster of one broker (an embedded one, say). */
  public Settings onSingleBroker(String bootstrapServers) {
    return with(
        Map.of(ConfigKeys.BOOTSTRAP_SERVERS, bootstrapServers, ConfigKeys.TOPICS_REPLICATION, "1"));
  }

  /**
   * The same settings under another application id, state directory and topic prefix, creating its
   * topics: an isolated run (a backtest, say) that shares nothing with a running monitor.
   */
  public Settings isolated(String id, Path stateDir) {
    Topics prefixed = topics.withPrefix(id + ".");
    return with(
        Map.of(
            ConfigKeys.APPLICATION_ID, id,
            ConfigKeys.STATE_DIR, stateDir.toString(),
            ConfigKeys.TOPIC_INPUT, prefixed.input(),
            ConfigKeys.TOPIC_ALERTS, prefixed.alerts(),
            ConfigKeys.TOPIC_DEAD_LETTER, prefixed.deadLetter(),
            ConfigKeys.TOPIC_RULES, prefixed.rules(),
            ConfigKeys.TOPICS_CREATE, "true"));
  }

  @Override
  public String toString() { // for logs and diagnostics: secrets are never printed
    return "Settings["
        + cluster
        + ", "
        + application
        + ", topics="
        + topics
        + ", topicCreation="
        + topicCreation
        + ", maxRecordBytes="
        + maxRecordBytes
        + ", "
        + http
        + ", "
        + alertmanager
        + ", "
        + metrics
        + "]";
  }
}
