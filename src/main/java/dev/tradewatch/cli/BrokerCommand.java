package dev.tradewatch.cli;

import dev.tradewatch.broker.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code broker}: a single-node Kafka broker (KRaft) in this JVM, for local use, until Ctrl-C. */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    description =
        "Start a single-node Apache Kafka broker (KRaft) in this JVM for local use, until Ctrl-C.")
public final class BrokerCommand implements Callable<Integer> {

  @Option(
      names = "--port",
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

  @Override
  public Integer call() throws InterruptedException {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port, dataDir);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.close();
                  stopped.countDown();
                },
                "broker-shutdown"));
    System.out.println(
        "Kafka broker listening on "
            + broker.bootstrapServers()
            + " (data in "
            + broker.dataDir()
            + "); Ctrl-C to stop");
    stopped.await();
    return 0;
  }
}
