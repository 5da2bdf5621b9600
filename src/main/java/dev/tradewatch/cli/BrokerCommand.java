package dev.tradewatch.cli;

import dev.tradewatch.broker.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code broker}: a single-node Kafka broker (KRaft) in this JVM, for local use, until Ctrl-C. */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    description =
        "Start a single-node Apache Kafka broker (KRaft) in this JVM for local use, until Ctrl-C.")
public final class BrokerCommand implements Callable<Integer> {

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "9092",
      description = "Client port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Log directory; kept across restarts. Default: a temporary directory deleted on exit.")
  Path dataDir;

  @Mixin VerboseOption verbose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    ShutdownSignal shutdown = new ShutdownSignal();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port, dataDir)) {
      spec.commandLine()
          .getOut()
          .println(
              "Kafka broker listening on "
                  + broker.bootstrapServers()
                  + " (data in "
                  + broker.dataDir()
                  + "); Ctrl-C to stop");
      spec.commandLine().getOut().flush();
      shutdown.await();
    } finally {
      shutdown.cleanedUp();
    }
    return ErrorHandler.OK;
  }
}
