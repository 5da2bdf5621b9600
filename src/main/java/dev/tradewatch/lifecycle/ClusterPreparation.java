package dev.tradewatch.lifecycle;

import dev.tradewatch.config.ConfigException;
import dev.tradewatch.config.Settings;
import dev.tradewatch.stream.DeadLetterLimits;
import dev.tradewatch.stream.TradewatchTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Checks, before the streams client starts, that the cluster answers within the start-up timeout
 * and that the input, alert, dead-letter and rules topics exist, creating the missing ones when
 * allowed. Input and dead letters are kept without time limit (figures are years old and nothing
 * may be lost); the alert topic is compacted to the current state of every alert, its key being the
 * alert id, and the rules topic to the latest value of every setting.
 */
public final class ClusterPreparation {

  private static final Map<String, String> COMPACTED =
      Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

  private ClusterPreparation() {}

  /**
   * What preparing the cluster found out.
   *
   * @param deadLetters the size limits of dead letters on the cluster's dead-letter topic
   * @param identity the cluster and the application's internal topics, which local state must
   *     belong to
   * @param flowPartitions the partitions of the input topic, which the flows' repartition topic has
   *     as many of (Kafka Streams creates it with the input's count, and refuses to run when an
   *     existing one differs: so does {@link #prepare}, with one line)
   */
  public record Prepared(
      DeadLetterLimits deadLetters, ClusterIdentity identity, int flowPartitions) {}

  /** Prepares the cluster and returns what the monitor needs to know about it. */
  public static Prepared prepare(Settings settings) {
    return withAdmin(
        settings,
        (admin, timeoutMs) -> {
          Set<String> existing = reachAndListTopics(admin, settings, timeoutMs);
          Set<String> created =
              ensureTopics(admin, settings, wanted(settings), existing, timeoutMs);
          DeadLetterLimits deadLetters =
              DeadLetterLimits.forTopic(
                  created.contains(settings.topics().deadLetter())
                      ? DeadLetterLimits.CREATED_TOPIC_MAX_MESSAGE_BYTES
                      : maxMessageBytes(admin, settings.topics().deadLetter(), timeoutMs));
          return new Prepared(
              deadLetters,
              identity(admin, settings, timeoutMs),
              flowPartitions(admin, settings, timeoutMs));
        });
  }

  /** See {@link Prepared#flowPartitions}. */
  private static int flowPartitions(Admin admin, Settings settings, long timeoutMs)
      throws InterruptedException {
    String input = settings.topics().input();
    String repartition = TradewatchTopology.repartitionTopics(settings.application().id()).get(0);
    Map<String, Integer> partitions = new TreeMap<>();
    try {
      for (Map.Entry<String, KafkaFuture<TopicDescription>> described :
          admin.describeTopics(List.of(input, repartition)).topicNameValues().entrySet()) {
        try {
          partitions.put(
              described.getKey(),
              described.getValue().get(timeoutMs, TimeUnit.MILLISECONDS).partitions().size());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
            throw e;
          }
        }
      }
    } catch (TimeoutException | ExecutionException e) {
      throw new StartupException("cannot describe topic " + input + reason(e));
    }
    Integer inputPartitions = partitions.get(input);
    if (inputPartitions == null) {
      return 0; // not there after all: Kafka Streams will say so
    }
    Integer repartitionPartitions = partitions.getOrDefault(repartition, inputPartitions);
    if (!inputPartitions.equals(repartitionPartitions)) {
      // Kafka Streams refuses to run too, later and with a stack trace
      throw new StartupException(
          "topic "
              + input
              + " has "
              + inputPartitions
              + " partitions but the application's repartition topic "
              + repartition
              + " has "
              + repartitionPartitions
              + ": Kafka Streams needs as many; reset the application"
              + " (docs/operations.md, \"Changing the input's partitions\")");
    }
    return inputPartitions;
  }

  /** The cluster's id and the ids of the application's internal topics, as they are now. */
  static ClusterIdentity identity(Settings settings) {
    return withAdmin(settings, (admin, timeoutMs) -> identity(admin, settings, timeoutMs));
  }

  private static ClusterIdentity identity(Admin admin, Settings settings, long timeoutMs)
      throws InterruptedException {
    try {
      return ClusterIdentity.read(admin, settings.application().id(), timeoutMs);
    } catch (TimeoutException | ExecutionException e) {
      throw new StartupException(
          "cannot describe the cluster at "
              + settings.cluster().bootstrapServers()
              + " and its topics"
              + reason(e));
    }
  }

  /**
   * Checks that the cluster answers and {@code topic} exists, so that producing to it cannot hang
   * on metadata.
   */
  public static void requireTopic(Settings settings, String topic) {
    withAdmin(
        settings,
        (admin, timeoutMs) -> {
          if (!reachAndListTopics(admin, settings, timeoutMs).contains(topic)) {
            throw new StartupException(
                "topic "
                    + topic
                    + " does not exist on "
                    + settings.cluster().bootstrapServers()
                    + " (start tradewatch run once to create it, or create it yourself)");
          }
          return null;
        });
  }

  /**
   * Checks that the cluster answers and the rules topic exists, creating it as {@link #prepare}
   * would when allowed: the {@code rules} command may write to it before any monitor has run.
   */
  public static void ensureRulesTopic(Settings settings) {
    withAdmin(
        settings,
        (admin, timeoutMs) -> {
          Set<String> existing = reachAndListTopics(admin, settings, timeoutMs);
          return ensureTopics(admin, settings, List.of(rulesTopic(settings)), existing, timeoutMs);
        });
  }

  private interface AdminWork<T> {
    T run(Admin admin, long timeoutMs) throws InterruptedException;
  }

  /**
   * Runs {@code work} with an admin client, turning client failures into one-line start-up errors.
   */
  private static <T> T withAdmin(Settings settings, AdminWork<T> work) {
    try (Admin admin = Admin.create(adminProperties(settings))) {
      return work.run(admin, settings.cluster().startupTimeout().toMillis());
    } catch (org.apache.kafka.common.config.ConfigException e) {
      throw badKafkaSetting(e);
    } catch (KafkaException e) {
      throw new StartupException(
          "cannot connect to Kafka at "
              + settings.cluster().bootstrapServers()
              + ": "
              + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException(
          "interrupted while talking to Kafka at " + settings.cluster().bootstrapServers(), e);
    }
  }

  /**
   * The topic names, or a one-line error when the cluster does not answer within the start-up
   * timeout.
   */
  private static Set<String> reachAndListTopics(Admin admin, Settings settings, long timeoutMs)
      throws InterruptedException {
    try {
      return admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new StartupException(
          "cannot reach Kafka at "
              + settings.cluster().bootstrapServers()
              + " within "
              + settings.cluster().startupTimeout().toSeconds()
              + " s"
              + reason(e));
    }
  }

  /**
   * Client properties for tools that talk to the cluster directly: bootstrap plus the kafka.*
   * pass-through.
   */
  public static Properties clientProperties(Settings settings) {
    Properties props = new Properties();
    props.putAll(settings.cluster().clientOverrides());
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.cluster().bootstrapServers());
    return props;
  }

  private static Properties adminProperties(Settings settings) {
    Properties props = clientProperties(settings);
    int timeout = (int) settings.cluster().startupTimeout().toMillis();
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeout, 30_000));
    return props;
  }

  /** Creates the missing topics (when allowed) and returns the names of those it created. */
  private static Set<String> ensureTopics(
      Admin admin, Settings settings, List<NewTopic> wanted, Set<String> existing, long timeoutMs)
      throws InterruptedException {
    List<NewTopic> missing = new ArrayList<>();
    for (NewTopic topic : wanted) {
      if (!existing.contains(topic.name())) {
        missing.add(topic);
      }
    }
    if (missing.isEmpty()) {
      return Set.of();
    }
    if (!settings.topicCreation().enabled()) {
      throw new StartupException(
          "topic "
              + missing.get(0).name()
              + " does not exist and tradewatch.topics.create is false");
    }
    try {
      admin.createTopics(missing).all().get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) { // another instance was quicker: fine
        throw new StartupException("cannot create topics " + names(missing) + reason(e));
      }
    } catch (TimeoutException e) {
      throw new StartupException("cannot create topics " + names(missing) + reason(e));
    }
    return missing.stream().map(NewTopic::name).collect(Collectors.toSet());
  }

  private static int maxMessageBytes(Admin admin, String topic, long timeoutMs)
      throws InterruptedException {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    try {
      Config config =
          admin
              .describeConfigs(List.of(resource))
              .all()
              .get(timeoutMs, TimeUnit.MILLISECONDS)
              .get(resource);
      return Integer.parseInt(config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value());
    } catch (TimeoutException | ExecutionException e) {
      throw new StartupException("cannot read the configuration of topic " + topic + reason(e));
    }
  }

  private static List<NewTopic> wanted(Settings settings) {
    int partitions = settings.topicCreation().partitions();
    Optional<Short> replication = replication(settings);
    Map<String, String> keepForever = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");
    Map<String, String> deadLetters =
        Map.of(
            TopicConfig.RETENTION_MS_CONFIG,
            "-1",
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
            Integer.toString(DeadLetterLimits.CREATED_TOPIC_MAX_MESSAGE_BYTES));
    return List.of(
        new NewTopic(settings.topics().input(), Optional.of(partitions), replication)
            .configs(keepForever),
        new NewTopic(settings.topics().alerts(), Optional.of(partitions), replication)
            .configs(COMPACTED),
        new NewTopic(settings.topics().deadLetter(), Optional.of(partitions), replication)
            .configs(deadLetters),
        rulesTopic(settings));
  }

  private static NewTopic rulesTopic(Settings settings) {
    // every instance reads all of it (a global store): one partition keeps the records in order
    return new NewTopic(settings.topics().rules(), Optional.of(1), replication(settings))
        .configs(COMPACTED);
  }

  /** The replication factor topics are created with; empty for the broker's default. */
  private static Optional<Short> replication(Settings settings) {
    short factor = settings.topicCreation().replicationFactor();
    return factor < 0 ? Optional.empty() : Optional.of(factor);
  }

  private static String names(List<NewTopic> topics) {
    return topics.stream().map(NewTopic::name).toList().toString();
  }

  /**
   * A Kafka client refused one of the kafka.* settings: a configuration error (exit 2), not a
   * runtime one.
   */
  static ConfigException badKafkaSetting(org.apache.kafka.common.config.ConfigException e) {
    return new ConfigException("invalid kafka.* setting: " + e.getMessage());
  }

  /**
   * The cause worth adding to a one-line message; nothing for a timeout, which the message already
   * says.
   */
  static String reason(Exception e) {
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    boolean timeout =
        cause instanceof TimeoutException
            || cause instanceof org.apache.kafka.common.errors.TimeoutException;
    return timeout || cause.getMessage() == null ? "" : ": " + cause.getMessage();
  }
}
