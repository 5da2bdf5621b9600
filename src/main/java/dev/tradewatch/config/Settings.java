package dev.tradewatch.config;

import dev.tradewatch.domain.DetectionConfig;
import dev.tradewatch.stream.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Everything a tradewatch process is configured with, validated. {@code kafka} holds the
 * {@code kafka.*} pass-through settings with the prefix removed (security settings included).
 */
public record Settings(String bootstrapServers, String applicationId, Path stateDir, String processingGuarantee,
                       Duration startupTimeout, int httpPort, Topics topics, TopicCreation topicCreation,
                       int maxRecordBytes, DetectionConfig detection, Map<String, String> kafka) {

    public Settings {
        kafka = Map.copyOf(kafka);
    }

    /** Whether and how missing topics are created at start-up. {@code replicationFactor} -1 means the broker's default. */
    public record TopicCreation(boolean enabled, int partitions, short replicationFactor) {
    }

    /** The same settings pointed at another cluster (the embedded broker, say). */
    public Settings withBootstrapServers(String servers) {
        return new Settings(servers, applicationId, stateDir, processingGuarantee, startupTimeout, httpPort, topics,
                topicCreation, maxRecordBytes, detection, kafka);
    }

    /** The same settings creating topics with another replication factor (1 on a single-node broker). */
    public Settings withReplicationFactor(short replicationFactor) {
        return new Settings(bootstrapServers, applicationId, stateDir, processingGuarantee, startupTimeout, httpPort, topics,
                new TopicCreation(topicCreation.enabled(), topicCreation.partitions(), replicationFactor), maxRecordBytes,
                detection, kafka);
    }

    /** The same settings under another application id and topic prefix, creating its topics, for isolated runs such as backtests. */
    public Settings isolated(String id, Path newStateDir) {
        return new Settings(bootstrapServers, id, newStateDir, processingGuarantee, startupTimeout, httpPort,
                topics.withPrefix(id + "."), new TopicCreation(true, topicCreation.partitions(), topicCreation.replicationFactor()),
                maxRecordBytes, detection, kafka);
    }
}
