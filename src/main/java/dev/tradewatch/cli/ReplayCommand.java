package dev.tradewatch.cli;

import dev.tradewatch.config.ConfigException;
import dev.tradewatch.config.Settings;
import dev.tradewatch.demo.DemoData;
import dev.tradewatch.lifecycle.ClusterPreparation;
import dev.tradewatch.replay.FigureProducer;
import dev.tradewatch.replay.FileFormat;
import dev.tradewatch.replay.FileReplay;
import java.io.PrintWriter;
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
    PrintWriter err = spec.commandLine().getErr();
    FileReplay.Result result =
        FileReplay.run(
            file.input,
            chosen,
            file.strict,
            line -> err.println("skipped " + line),
            ClusterPreparation.clientProperties(settings),
            target,
            rate,
            new ProgressBar(err));
    spec.commandLine()
        .getOut()
        .println(summary(result, target, settings.cluster().bootstrapServers()));
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

  private String summary(FileReplay.Result result, String target, String servers) {
    double seconds = Math.max(result.elapsed().toMillis(), 1) / 1000.0;
    return String.format(
        Locale.ROOT,
        "Replayed %,d figures from %s (%s) into %s on %s in %.1f s (%,.0f/s); "
            + "%,d lines read, %,d malformed, %,d skipped",
        result.produced(),
        file.input,
        result.format().cliName(),
        target,
        servers,
        seconds,
        result.produced() / seconds,
        result.read().linesRead(),
        result.read().malformed(),
        result.read().skipped());
  }
}
