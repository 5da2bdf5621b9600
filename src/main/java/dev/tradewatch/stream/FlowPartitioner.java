package dev.tradewatch.stream;

import dev.tradewatch.domain.figures.Figure;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Which partition a flow's figures are tracked on: the one Kafka's Java producer picks for a record
 * keyed by the flow id (murmur2 of its UTF-8 bytes), as {@code replay} keys them. The repartition
 * topic is written with this function, and a figure read from the input partition it names is
 * tracked where it is ({@link TradewatchTopology}): both paths lead to the same task, the one that
 * owns that partition number of the input and of the repartition topic.
 */
final class FlowPartitioner implements StreamPartitioner<String, Figure> {

  /** The partition of {@code flowId} among {@code partitions}. */
  static int partitionOf(String flowId, int partitions) {
    byte[] key = flowId.getBytes(StandardCharsets.UTF_8);
    return Utils.toPositive(Utils.murmur2(key)) % partitions;
  }

  @Override
  public Optional<Set<Integer>> partitions(
      String topic, String flowId, Figure figure, Headers headers, int numPartitions) {
    return Optional.of(Set.of(partitionOf(flowId, numPartitions)));
  }

  /** Kafka 4.4 still declares this one abstract; it calls the one above. */
  @Override
  @SuppressWarnings("removal")
  public Optional<Set<Integer>> partitions(
      String topic, String flowId, Figure figure, int numPartitions) {
    return partitions(topic, flowId, figure, null, numPartitions);
  }
}
