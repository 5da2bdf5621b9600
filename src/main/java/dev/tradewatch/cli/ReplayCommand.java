package dev.tradewatch.cli;

import dev.tradewatch.config.ConfigException;
import dev.tradewatch.config.Settings;
import dev.tradewatch.demo.DemoData;
import dev.tradewatch.lifecycle.ClusterPreparation;
import dev.tradewatch.replay.FigureProducer;
import dev.tradewatch.replay.FileFormat;
import dev.tradewatch.replay.FileReplay;
import dev.tradewatch.replay.FileScan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code replay}: produce a file's figures into a topic of a running cluster. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description =
        "Produce the figures of a jsonl, csv or UN Comtrade+ file into a topic of a running cluster.")
public final class ReplayCommand implements Callable<Integer> {

  @Option(
      names = "--rate",
      defaultValue = "0",
      paramLabel = "PER_SECOND",
      description = "Figures per second (default: as fast as possible).")
  double rate;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      description = "Target topic (default: tradewatch.topics.input).")
  String topic;

  @Option(
      names = "--demo",
      description =
          "Replay the bundled demo dataset (the reference case and the synthetic background) instead of --input.")
  boolean demo;

  @Mixin InputFileOptions file;

  @Mixin BootstrapOption bootstrap;

  @Mixin SettingsOptions settingsOptions;

  @Mixin VerboseOption verbose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (rate < 0) {
      throw new ConfigException("--rate: expected a number ≥ 0, found " + rate);
    }
    Settings settings = settingsOptions.load(bootstrap);
    if (demo && file.input != null) {
      throw new ConfigException("--demo and --input: give one of them");
    }
    FileFormat chosen = demo ? FileFormat.JSONL : file.checkedFormat();
    String target = topic == null ? settings.topics().input() : topic;
    ClusterPreparation.requireTopic(settings, target);
    if (demo) {
      return replayDemo(settings, target);
    }
    ProgressBar bar = new ProgressBar(spec.commandLine().getErr());
    FileReplay.Input input =
        new FileReplay.Input(
            file.input, chosen, file.strict, line -> bar.warn("malformed " + line));
    if (file.strict) {
      FileScan.of(input); // all or nothing: a malformed line fails before anything is produced
    }
    ShutdownSignal shutdown = new ShutdownSignal();
    try (FigureProducer producer =
        new FigureProducer(ClusterPreparation.clientProperties(settings), target, rate)) {
      FileReplay.Result result = FileReplay.run(input, producer, bar, shutdown::requested, null);
      PrintWriter out = spec.commandLine().getOut();
      out.println(summary(result, file.input, target, settings.cluster().bootstrapServers()));
      out.flush();
    } finally {
      shutdown.cleanedUp(); // on Ctrl-C, the summary so far is out: exit 0
    }
    return 0;
  }

  private int replayDemo(Settings settings, String target) {
    List<String> lines = DemoData.lines();
    try (FigureProducer producer =
        new FigureProducer(ClusterPreparation.clientProperties(settings), target, rate)) {
      producer.sendAll(lines);
    }
    spec.commandLine()
        .getOut()
        .println(
            "Replayed the demo dataset ("
                + lines.size()
                + " figures) into "
                + target
                + " on "
                + settings.cluster().bootstrapServers());
    return 0;
  }

  static String summary(FileReplay.Result result, Path input, String target, String servers) {
    double seconds = result.elapsed().toMillis() / 1000.0;
    return String.format(
        Locale.ROOT,
        "Replayed %s from %s (%s) into %s on %s in %.1f s%s; %s read, %s%s%s",
        Words.count(result.produced(), "figure"),
        input,
        result.format().cliName(),
        target,
        servers,
        seconds,
        hasMeaningfulRate(result.produced(), seconds)
            ? String.format(Locale.ROOT, " (%,.0f/s)", result.produced() / seconds)
            : "",
        Words.count(result.read().linesRead(), "line"),
        Words.count(result.read().malformed(), "malformed line"),
        skipped(result.read().skipped()),
        result.stopped() ? "; stopped on request before the end of the file" : "");
  }

  /**
   * Whether a rate says anything: the elapsed time includes the producer's start-up (about a
   * second), so a few figures make "1 figure in 1.2 s (1/s)".
   */
  static boolean hasMeaningfulRate(long figures, double seconds) {
    return figures >= 1_000 && seconds >= 1;
  }

  /**
   * The rows left out on purpose, if any: Comtrade flows other than X and M and breakdown rows (not
   * malformed lines, which are counted as such).
   */
  static String skipped(long rows) {
    return rows == 0
        ? ""
        : ", "
            + rows
            + " skipped (Comtrade rows that are not an X or M flow, or break a total down)";
  }
}
