package dev.tradewatch.cli;

import dev.tradewatch.config.Settings;
import dev.tradewatch.http.Observability;
import dev.tradewatch.lifecycle.StreamsRuntime;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code run}: the monitor against an existing Kafka cluster, until SIGTERM or a fatal error. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run the monitor against an existing Kafka cluster until stopped (SIGTERM/Ctrl-C).")
public final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Mixin SettingsOptions settingsOptions;

  @Mixin HttpPortOption httpPort;

  @Mixin VerboseOption verbose;

  @Override
  public Integer call() throws InterruptedException {
    Settings settings = settingsOptions.load(httpPort::addTo);
    ShutdownSignal shutdown = new ShutdownSignal();
    Throwable failure;
    try (Observability web = Observability.start(settings);
        StreamsRuntime monitor =
            StreamsRuntime.startMonitor(
                settings, web.registry(), Clock.systemUTC(), web.advertisedServer())) {
      web.attach(monitor);
      monitor.onStop(shutdown::trigger);
      LOG.info(
          "tradewatch monitoring {} on {} (application id {}); alerts to {}, dead letters to {}; HTTP on port {}",
          settings.topics().input(),
          settings.cluster().bootstrapServers(),
          settings.application().id(),
          settings.topics().alerts(),
          settings.topics().deadLetter(),
          web.port());
      shutdown.await();
      failure = monitor.failure();
    } finally {
      shutdown.cleanedUp();
    }
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
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
