package dev.tradewatch.cli;

import dev.tradewatch.config.Settings;
import dev.tradewatch.http.ServedMonitor;
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

  @Mixin BootstrapOption bootstrap;

  @Mixin ApplicationOptions application;

  @Mixin HttpPortOption httpPort;

  @Mixin VerboseOption verbose;

  @Override
  public Integer call() throws InterruptedException {
    Settings settings = settingsOptions.load(bootstrap, application, httpPort);
    ShutdownSignal shutdown = new ShutdownSignal();
    Throwable failure;
    try (ServedMonitor served = ServedMonitor.start(settings, Clock.systemUTC())) {
      served.monitor().onStop(shutdown::trigger);
      LOG.info(
          "tradewatch monitoring {} on {} (application id {}); alerts to {}, dead letters to {}; HTTP at {}",
          settings.topics().input(),
          settings.cluster().bootstrapServers(),
          settings.application().id(),
          settings.topics().alerts(),
          settings.topics().deadLetter(),
          served.baseUrl());
      shutdown.await();
      failure = served.monitor().failure();
    } finally {
      shutdown.cleanedUp();
    }
    if (failure != null) {
      throw new IllegalStateException("the monitor stopped: " + rootMessage(failure), failure);
    }
    return ErrorHandler.OK;
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
