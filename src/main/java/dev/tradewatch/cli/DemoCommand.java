package dev.tradewatch.cli;

import dev.tradewatch.broker.EmbeddedKafkaBroker;
import dev.tradewatch.config.ConfigKeys;
import dev.tradewatch.config.Settings;
import dev.tradewatch.demo.DemoData;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.http.Observability;
import dev.tradewatch.isolated.AlertTail;
import dev.tradewatch.isolated.CatchUp;
import dev.tradewatch.lifecycle.ClusterPreparation;
import dev.tradewatch.lifecycle.StreamsRuntime;
import dev.tradewatch.replay.FigureProducer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: embedded broker + monitor + the bundled dataset, alerts printed as they fire. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Start an embedded Kafka broker and the monitor, replay the bundled dataset (the reference "
            + "case and a synthetic background) and print alerts as they fire.")
public final class DemoCommand implements Callable<Integer> {

  private static final Duration PROCESSING_TIMEOUT = Duration.ofMinutes(10);

  @Option(
      names = "--once",
      description = "Exit once the dataset is processed instead of serving until Ctrl-C.")
  boolean once;

  @Option(
      names = "--kafka-port",
      defaultValue = "0",
      description = "Port of the embedded broker (default: any free port).")
  int kafkaPort;

  @Mixin HttpPortOption httpPort;

  @Mixin ConfigOptions config;

  @Mixin VerboseOption verbose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ShutdownSignal shutdown = new ShutdownSignal();
    Path stateDir = Files.createTempDirectory("tradewatch-demo-state");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaPort, null)) {
      Settings settings = config.load(demoFlags(broker, stateDir));
      out.println(
          "Kafka broker (embedded) at "
              + broker.bootstrapServers()
              + "; alerts on "
              + settings.topics().alerts());
      Map<String, Alert> current = new ConcurrentHashMap<>();
      Properties client = ClusterPreparation.clientProperties(settings);
      try (Observability web = Observability.start(settings);
          StreamsRuntime monitor =
              StreamsRuntime.startMonitor(
                  settings, web.registry(), Clock.systemUTC(), web.advertisedServer());
          AlertTail tail =
              new AlertTail(
                  client,
                  settings.topics().alerts(),
                  alert -> {
                    current.put(alert.alertId(), alert);
                    out.println(AlertLine.format(alert));
                  })) {
        web.attach(monitor);
        String base = "http://" + settings.http().bindAddress() + ":" + web.port();
        out.println(
            "Metrics at "
                + base
                + "/metrics, health at "
                + base
                + "/health, alerts at "
                + base
                + "/api/alerts, series at "
                + base
                + "/api/series/TUR/AZE");
        List<String> lines = replay(settings, client);
        out.println(
            "Replayed "
                + lines.size()
                + " figures: the reference case, then a synthetic background of "
                + DemoData.PAIRS
                + " pairs over "
                + DemoData.FIRST_YEAR
                + "–"
                + (DemoData.FIRST_YEAR + DemoData.YEARS - 1));
        awaitProcessed(settings, client, tail, monitor);
        long active = current.values().stream().filter(a -> a.status().isActive()).count();
        out.println(
            "All figures processed: "
                + active
                + " active alerts across "
                + current.size()
                + " alert ids.");
        if (!once) {
          out.println("Serving until Ctrl-C.");
          shutdown.await();
        }
      }
    } finally {
      shutdown.cleanedUp();
    }
    return 0;
  }

  /** The demo's own cluster and state; HTTP on loopback unless --set says otherwise. */
  private Map<String, String> demoFlags(EmbeddedKafkaBroker broker, Path stateDir) {
    Map<String, String> flags =
        new HashMap<>(
            Map.of(
                ConfigKeys.BOOTSTRAP_SERVERS,
                broker.bootstrapServers(),
                ConfigKeys.STATE_DIR,
                stateDir.toString(),
                ConfigKeys.APPLICATION_ID,
                "tradewatch-demo",
                ConfigKeys.TOPICS_REPLICATION,
                "1",
                ConfigKeys.HTTP_ADVERTISED_HOST,
                "127.0.0.1"));
    if (!config.overrides.containsKey(ConfigKeys.HTTP_BIND_ADDRESS)) {
      flags.put(ConfigKeys.HTTP_BIND_ADDRESS, "127.0.0.1");
    }
    httpPort.addTo(flags);
    return flags;
  }

  private static List<String> replay(Settings settings, Properties client) {
    List<String> lines = DemoData.lines();
    try (FigureProducer producer = new FigureProducer(client, settings.topics().input(), 0)) {
      producer.sendAll(lines);
    }
    return lines;
  }

  private static void awaitProcessed(
      Settings settings, Properties client, AlertTail tail, StreamsRuntime monitor)
      throws Exception {
    try (Admin admin = Admin.create(client)) {
      CatchUp.awaitMonitor(admin, settings, monitor, tail, PROCESSING_TIMEOUT);
    }
  }
}
