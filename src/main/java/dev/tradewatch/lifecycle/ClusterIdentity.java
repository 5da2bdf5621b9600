package dev.tradewatch.lifecycle;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Which Kafka cluster, and which incarnation of the application's internal topics (changelog and
 * repartition topics, named {@code <application id>-…}), local state was built from. A topic that
 * is deleted and created again under the same name gets a new topic id, so the ids tell a recreated
 * topic from the one the local state was restored from.
 *
 * @param clusterId the cluster id ({@code Admin#describeCluster})
 * @param internalTopicIds topic id by topic name, for the internal topics that exist
 */
public record ClusterIdentity(String clusterId, Map<String, String> internalTopicIds) {

  public ClusterIdentity {
    Objects.requireNonNull(clusterId, "clusterId");
    internalTopicIds = Map.copyOf(internalTopicIds);
  }

  /**
   * Why local state that was built from {@code recorded} cannot be used with this cluster, or empty
   * when it can. Internal topics that exist now but are not recorded are fine: Kafka Streams
   * creates them at first start, after the record was written.
   */
  Optional<String> mismatch(ClusterIdentity recorded) {
    if (!recorded.clusterId.equals(clusterId)) {
      return Optional.of(
          "it was built on Kafka cluster "
              + recorded.clusterId
              + " and this is cluster "
              + clusterId);
    }
    for (Map.Entry<String, String> topic : new TreeMap<>(recorded.internalTopicIds).entrySet()) {
      String now = internalTopicIds.get(topic.getKey());
      if (now == null) {
        return Optional.of("its internal topic " + topic.getKey() + " no longer exists");
      }
      if (!now.equals(topic.getValue())) {
        return Optional.of(
            "its internal topic "
                + topic.getKey()
                + " was recreated (topic id "
                + topic.getValue()
                + ", now "
                + now
                + ")");
      }
    }
    return Optional.empty();
  }

  /** Asks the cluster for its id and the ids of {@code applicationId}'s internal topics. */
  static ClusterIdentity read(Admin admin, String applicationId, long timeoutMs)
      throws InterruptedException, ExecutionException, TimeoutException {
    String clusterId = admin.describeCluster().clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
    Set<String> internal =
        admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS).stream()
            .filter(name -> name.startsWith(applicationId + "-"))
            .collect(Collectors.toSet());
    Map<String, String> ids = new TreeMap<>();
    if (!internal.isEmpty()) {
      for (Map.Entry<String, KafkaFuture<TopicDescription>> described :
          admin.describeTopics(internal).topicNameValues().entrySet()) {
        try {
          TopicDescription topic = described.getValue().get(timeoutMs, TimeUnit.MILLISECONDS);
          ids.put(topic.name(), topic.topicId().toString());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
            throw e; // a topic deleted since it was listed is simply not there
          }
        }
      }
    }
    return new ClusterIdentity(clusterId, ids);
  }
}
