package dev.tradewatch.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Which {@code kafka.*} keys no Kafka client defines. They are passed on all the same (a plugin may
 * read its own keys), but the clients only mention unused keys at INFO, so a mistyped SASL or TLS
 * key would otherwise surface much later as an unrelated authentication failure.
 */
public final class KafkaKeys {

  /** Kafka Streams' prefixes for one kind of client, each followed by a setting of that client. */
  private static final List<String> CLIENT_PREFIXES =
      List.of(
          StreamsConfig.MAIN_CONSUMER_PREFIX,
          StreamsConfig.RESTORE_CONSUMER_PREFIX,
          StreamsConfig.GLOBAL_CONSUMER_PREFIX,
          StreamsConfig.CONSUMER_PREFIX,
          StreamsConfig.PRODUCER_PREFIX,
          StreamsConfig.ADMIN_CLIENT_PREFIX);

  private static final Set<String> CLIENT_SETTINGS = clientSettings();
  private static final Set<String> TOPIC_SETTINGS = topicSettings();

  private KafkaKeys() {}

  /**
   * The keys among {@code kafka} (as in {@link Settings#kafka()}: without the {@code kafka.}
   * prefix) that no Kafka client defines, sorted, each with its {@code kafka.} prefix as the user
   * wrote it.
   */
  public static List<String> unknown(Map<String, String> kafka) {
    return kafka.keySet().stream()
        .filter(name -> !isKnown(name))
        .sorted()
        .map(name -> ConfigKeys.KAFKA_PREFIX + name)
        .toList();
  }

  static boolean isKnown(String name) {
    if (CLIENT_SETTINGS.contains(name) || name.startsWith(StreamsConfig.CLIENT_TAG_PREFIX)) {
      return true;
    }
    if (name.startsWith(StreamsConfig.TOPIC_PREFIX)) {
      return TOPIC_SETTINGS.contains(name.substring(StreamsConfig.TOPIC_PREFIX.length()));
    }
    return CLIENT_PREFIXES.stream()
        .anyMatch(
            prefix ->
                name.startsWith(prefix)
                    && CLIENT_SETTINGS.contains(name.substring(prefix.length())));
  }

  private static Set<String> clientSettings() {
    Set<String> names = new HashSet<>(StreamsConfig.configDef().names());
    names.addAll(ProducerConfig.configNames());
    names.addAll(ConsumerConfig.configNames());
    names.addAll(AdminClientConfig.configNames());
    return Set.copyOf(names);
  }

  /**
   * Settings of a topic ({@code topic.*} configures Kafka Streams' internal topics): the {@code
   * *_CONFIG} constants of {@link TopicConfig}, which has no list of its own.
   */
  private static Set<String> topicSettings() {
    Set<String> names = new HashSet<>();
    for (Field field : TopicConfig.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && field.getType() == String.class
          && field.getName().endsWith("_CONFIG")) {
        try {
          names.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Set.copyOf(names);
  }
}
