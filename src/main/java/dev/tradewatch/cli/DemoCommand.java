package dev.tradewatch.cli;

import dev.tradewatch.config.ConfigKeys;
import dev.tradewatch.config.Settings;
import dev.tradewatch.demo.DemoData;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.http.HttpEndpoint;
import dev.tradewatch.isolated.Backtest;
import dev.tradewatch.isolated.IsolatedRun;
import dev.tradewatch.replay.FigureProducer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
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
  private static final String APPLICATION_ID = "tradewatch-demo";

  /** The demo serves on loopback unless told otherwise: it is for the machine it runs on. */
  private static final Map<String, String> DEMO_DEFAULTS =
      Map.of(
          ConfigKeys.HTTP_BIND_ADDRESS, "127.0.0.1",
          ConfigKeys.HTTP_ADVERTISED_HOST, "127.0.0.1");

  @Option(
      names = "--once",
      description = "Exit once the dataset is processed instead of serving until Ctrl-C.")
  boolean once;

  @Option(
      names = "--kafka-port",
      paramLabel = "PORT",
      defaultValue = "0",
      description = "Port of the embedded broker (default: any free port).")
  int kafkaPort;

  @Mixin SettingsOptions settingsOptions;

  @Mixin HttpPortOption httpPort;

  @Mixin VerboseOption verbose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Settings settings =
        Backtest.judgingSourcesAt(
            settingsOptions.load(DEMO_DEFAULTS, httpPort),
            Optional.of(DemoData.latestPublishedAt()));
    // before the broker starts: the quick start must not fail half-way on a busy port
    HttpEndpoint.checkPortFree(settings, "; try --http-port 0 for any free port");
    PrintWriter out = spec.commandLine().getOut();
    ShutdownSignal shutdown = new ShutdownSignal();
    IsolatedRun.Options options = new IsolatedRun.Options(true, kafkaPort, true, APPLICATION_ID);
    try (IsolatedRun run =
        IsolatedRun.start(
            settings,
            options,
            (alert, appendedAt, readAt) -> out.println(AlertLine.format(alert)))) {
      Settings demo = run.settings();
      out.println(
          "Kafka broker (embedded) at "
              + demo.cluster().bootstrapServers()
              + "; alerts on "
              + demo.topics().alerts());
      String base = run.httpBaseUrl().orElseThrow();
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
      if (demo.alertmanager().enabled()) {
        out.println("Active alerts posted to Alertmanager at " + demo.alertmanager().urls());
      }
      List<String> lines = DemoData.lines();
      try (FigureProducer producer =
          new FigureProducer(run.clientProperties(), demo.topics().input(), 0)) {
        producer.sendAll(lines);
      }
      out.println(
          "Replayed "
              + lines.size()
              + " figures: the reference case, then a synthetic background of "
              + DemoData.PAIRS
              + " pairs over "
              + DemoData.FIRST_YEAR
              + "–"
              + (DemoData.FIRST_YEAR + DemoData.YEARS - 1)
              + ", with flows both sides report, a dormant partner and a source gone silent");
      run.awaitProcessed(PROCESSING_TIMEOUT);
      Map<String, Alert> alerts = run.alerts();
      long active = alerts.values().stream().filter(a -> a.status().isActive()).count();
      out.println(
          "All figures processed: "
              + active
              + " active alerts across "
              + alerts.size()
              + " alert ids.");
      if (!once) {
        out.println("Serving until Ctrl-C.");
        out.flush();
        shutdown.await();
      }
    } finally {
      shutdown.cleanedUp();
    }
    return ErrorHandler.OK;
  }
}
