package dev.tradewatch.cli;

import dev.tradewatch.config.ConfigException;
import dev.tradewatch.config.ConfigKeys;
import dev.tradewatch.config.Settings;
import dev.tradewatch.config.SettingsLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by every command that runs the monitor: where the configuration comes from, and overrides. */
public final class SettingsOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with tradewatch.* and kafka.* keys.")
    Path configFile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,…]", description = "Kafka cluster (tradewatch.bootstrap-servers).")
    String bootstrapServers;

    @Option(names = "--application-id", paramLabel = "ID", description = "Kafka Streams application id, also the consumer group and transactional id prefix (tradewatch.application-id).")
    String applicationId;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Directory for local state stores (tradewatch.state-dir).")
    Path stateDir;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any configuration key, e.g. --set tradewatch.rules.month-spike.factor=8. Repeatable.")
    Map<String, String> overrides = new LinkedHashMap<>();

    /** Loads the settings: defaults < --config < TRADEWATCH_* environment < flags. */
    public Settings load() {
        return SettingsLoader.load(configFile, System.getenv(), flags());
    }

    Map<String, String> flags() {
        Map<String, String> flags = new HashMap<>(overrides);
        put(flags, ConfigKeys.BOOTSTRAP_SERVERS, bootstrapServers);
        put(flags, ConfigKeys.APPLICATION_ID, applicationId);
        put(flags, ConfigKeys.STATE_DIR, stateDir == null ? null : stateDir.toString());
        return flags;
    }

    private static void put(Map<String, String> flags, String key, String value) {
        if (value != null) {
            if (value.isBlank()) {
                throw new ConfigException(key + ": expected a value, found nothing");
            }
            flags.put(key, value);
        }
    }
}
