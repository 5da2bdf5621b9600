package dev.tradewatch.cli;

import dev.tradewatch.config.Settings;
import dev.tradewatch.runtime.MonitorRuntime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code run}: the monitor against an existing Kafka cluster, until SIGTERM or a fatal error. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the monitor against an existing Kafka cluster until stopped (SIGTERM/Ctrl-C).")
public final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    SettingsOptions settingsOptions;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = settingsOptions.load();
        MonitorRuntime monitor = MonitorRuntime.start(settings, new SimpleMeterRegistry(), Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(monitor::close, "tradewatch-shutdown"));
        LOG.info("tradewatch monitoring {} on {} (application id {}); alerts to {}, dead letters to {}",
                settings.topics().input(), settings.bootstrapServers(), settings.applicationId(),
                settings.topics().alerts(), settings.topics().deadLetter());
        Throwable failure = monitor.awaitStop();
        if (failure != null) {
            throw new IllegalStateException("the monitor stopped: " + rootMessage(failure), failure);
        }
        return 0;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
