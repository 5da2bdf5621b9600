package dev.tradewatch.stream;

import dev.tradewatch.domain.DetectionConfig;

/** What the topology needs to know: its topics, the rules, and the largest input record it accepts. */
public record TopologySettings(Topics topics, DetectionConfig detection, int maxRecordBytes) {

    public static final int DEFAULT_MAX_RECORD_BYTES = 64 * 1024;

    public static TopologySettings defaults() {
        return new TopologySettings(Topics.defaults(), DetectionConfig.defaults(), DEFAULT_MAX_RECORD_BYTES);
    }
}
