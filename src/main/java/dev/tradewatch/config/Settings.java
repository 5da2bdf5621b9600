package dev.tradewatch.config;

import dev.tradewatch.domain.rules.DetectionConfig;
import dev.tradewatch.http.Observability;
import dev.tradewatch.stream.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Everything a tradewatch process is configured with, validated. {@code kafka} holds the {@code
 * kafka.*} pass-through settings with the prefix removed (security settings included).
 */
public record Settings(
    String bootstrapServers,
    String applicationId,
    Path stateDir,
    String processingGuarantee,
    Duration startupTimeout,
    Http http,
    Topics topics,
    TopicCreation topicCreation,
    int maxRecordBytes,
    DetectionConfig detection,
    Observability metrics,
    Map<String, String> kafka) {

  public Settings {
    kafka = Map.copyOf(kafka);
  }

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

  /** How many series get their own gauges, and how often state-derived gauges are recomputed. */
  public record Observability(int seriesGauges, Duration refreshInterval) {}

  /**
   * Whether and how missing topics are created at start-up. {@code replicationFactor} -1 means the
   * broker's default.
   */
  public record TopicCreation(boolean enabled, int partitions, short replicationFactor) {}

  /** Kafka settings whose values are secrets: passwords, JAAS configurations, keys. */
  private static final Pattern SECRET = Pattern.compile(".*(password|jaas|secret|\\.key$|token).*");

  @Override
  public String toString() { // for logs and diagnostics: secrets are never printed
    Map<String, String> visible = new TreeMap<>();
    kafka.forEach(
        (key, value) -> visible.put(key, SECRET.matcher(key).matches() ? "[hidden]" : value));
    return "Settings[bootstrapServers="
        + bootstrapServers
        + ", applicationId="
        + applicationId
        + ", stateDir="
        + stateDir
        + ", processingGuarantee="
        + processingGuarantee
        + ", http="
        + http
        + ", topics="
        + topics
        + ", topicCreation="
        + topicCreation
        + ", maxRecordBytes="
        + maxRecordBytes
        + ", kafka="
        + visible
        + "]";
  }

  /** The same settings pointed at another cluster (the embedded broker, say). */
  public Settings withBootstrapServers(String servers) {
    return new Settings(
        servers,
        applicationId,
        stateDir,
        processingGuarantee,
        startupTimeout,
        http,
        topics,
        topicCreation,
        maxRecordBytes,
        detection,
        metrics,
        kafka);
  }

  /** The same settings reading another input topic. */
  public Settings withInputTopic(String input) {
    return new Settings(
        bootstrapServers,
        applicationId,
        stateDir,
        processingGuarantee,
        startupTimeout,
        http,
        new Topics(input, topics.alerts(), topics.deadLetter()),
        topicCreation,
        maxRecordBytes,
        detection,
        metrics,
        kafka);
  }

  /**
   * The same settings creating topics with another replication factor (1 on a single-node broker).
   */
  public Settings withReplicationFactor(short replicationFactor) {
    return new Settings(
        bootstrapServers,
        applicationId,
        stateDir,
        processingGuarantee,
        startupTimeout,
        http,
        topics,
        new TopicCreation(topicCreation.enabled(), topicCreation.partitions(), replicationFactor),
        maxRecordBytes,
        detection,
        metrics,
        kafka);
  }

  /**
   * The same settings under another application id and topic prefix, creating its topics, for
   * isolated runs such as backtests.
   */
  public Settings isolated(String id, Path newStateDir) {
    return new Settings(
        bootstrapServers,
        id,
        newStateDir,
        processingGuarantee,
        startupTimeout,
        http,
        topics.withPrefix(id + "."),
        new TopicCreation(true, topicCreation.partitions(), topicCreation.replicationFactor()),
        maxRecordBytes,
        detection,
        metrics,
        kafka);
  }
}
