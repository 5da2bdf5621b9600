package dev.tradewatch.lifecycle;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The record of which cluster and internal topics local state belongs to: a small properties file
 * {@code <state dir>/<application id>.owner}, next to Kafka Streams' own {@code <state
 * dir>/<application id>} directory rather than in it, because {@code KafkaStreams#cleanUp} deletes
 * that directory.
 */
final class StateOwnerFile {

  private static final String CLUSTER_ID = "cluster.id";
  private static final String TOPIC_PREFIX = "topic.";

  private final Path file;
  private final String applicationId;

  StateOwnerFile(Path stateDir, String applicationId) {
    this.file = stateDir.resolve(applicationId + ".owner");
    this.applicationId = applicationId;
  }

  Path path() {
    return file;
  }

  /**
   * The recorded identity, or empty when there is no record (state from before tradewatch kept one,
   * or no state at all).
   *
   * @throws IOException when the record cannot be read or has no cluster id
   */
  Optional<ClusterIdentity> read() throws IOException {
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    String clusterId = props.getProperty(CLUSTER_ID);
    if (clusterId == null || clusterId.isBlank()) {
      throw new IOException("no " + CLUSTER_ID + " in " + file);
    }
    Map<String, String> topics = new TreeMap<>();
    for (String key : props.stringPropertyNames()) {
      if (key.startsWith(TOPIC_PREFIX)) {
        topics.put(key.substring(TOPIC_PREFIX.length()), props.getProperty(key));
      }
    }
    return Optional.of(new ClusterIdentity(clusterId, topics));
  }

  /** Replaces the record atomically, so that a crash never leaves half a record. */
  void write(ClusterIdentity identity) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# the Kafka cluster and internal topics the local state of " + applicationId);
    lines.add("# belongs to; written by tradewatch, which deletes that state when they differ");
    lines.add(CLUSTER_ID + "=" + identity.clusterId());
    new TreeMap<>(identity.internalTopicIds())
        .forEach((topic, id) -> lines.add(TOPIC_PREFIX + topic + "=" + id));
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.write(partial, lines, StandardCharsets.UTF_8);
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
