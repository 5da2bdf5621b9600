package dev.tradewatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradewatch.bench.Bench;
import dev.tradewatch.bench.BenchResult;
import dev.tradewatch.config.ConfigException;
import dev.tradewatch.config.Settings;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: throughput and latency on the embedded broker, beside Kafka's own rates on the
 * same data.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Measure throughput and latency on an embedded broker, side by side with Kafka's raw consumer "
            + "rate and a Kafka Streams pass-through on the same generated data.")
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--records",
      paramLabel = "N",
      defaultValue = "1000000",
      description = "Figures to generate (default: ${DEFAULT-VALUE}).")
  int records;

  @Option(
      names = "--series",
      paramLabel = "N",
      defaultValue = "100000",
      description = "Series they are spread over (default: ${DEFAULT-VALUE}).")
  int series;

  @Option(
      names = "--instances",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Instances of the pipeline, one application in this JVM (default: ${DEFAULT-VALUE}).")
  int instances;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Mixin SettingsOptions settingsOptions;

  @Mixin VerboseOption verbose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (records < 1 || series < 1 || series > records) {
      throw new ConfigException(
          "--records and --series: expected 1 ≤ series ≤ records, found "
              + series
              + " and "
              + records);
    }
    if (instances < 1 || instances > 8) {
      throw new ConfigException("--instances: expected 1 to 8, found " + instances);
    }
    Settings settings = settingsOptions.load();
    PrintWriter err = spec.commandLine().getErr();
    BenchResult result =
        Bench.run(
            settings,
            records,
            series,
            instances,
            step -> {
              err.println("bench: " + step);
              err.flush();
            });
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? new ObjectMapper().writeValueAsString(result) : table(result));
    out.flush();
    return ErrorHandler.OK;
  }

  private static String table(BenchResult r) {
    BenchResult.Feed feed = r.feed();
    BenchResult.Rates rates = r.rates();
    BenchResult.Latency latency = r.latency();
    BenchResult.Logic logic = r.logicMicrosPerFigure();
    return String.format(
        Locale.ROOT,
        """
                records %,d over %,d series, %s
                  produce (acks=all)        %,10.0f /s
                  raw consumer              %,10.0f /s
                  streams pass-through      %,10.0f /s
                  streams keyed state       %,10.0f /s   (repartition + store read/write per record)
                  tradewatch pipeline       %,10.0f /s   (%.2f × pass-through, %.2f × keyed state; %s)
                  latency at half load      p50 %.0f ms, p99 %.0f ms (%s)
                  tradewatch logic alone    %.2f µs per figure (parse %.2f, figure serde %.2f, series step %.2f)
                  client CPU per figure     %.1f µs keyed state, %.1f µs pipeline
                  state per series          %,.0f bytes
                  heap in use               %,d MB""",
        feed.records(),
        feed.series(),
        feed.guarantee(),
        rates.produceRatePerSec(),
        rates.rawConsumerPerSec(),
        rates.passThroughPerSec(),
        rates.keyedStatePerSec(),
        rates.pipelinePerSec(),
        rates.pipelinePerSec() / rates.passThroughPerSec(),
        rates.pipelinePerSec() / rates.keyedStatePerSec(),
        feed.instances() == 1 ? "1 instance" : feed.instances() + " instances",
        latency.latencyP50Ms(),
        latency.latencyP99Ms(),
        latency.latencySamples() == 1
            ? "1 alert"
            : String.format(Locale.ROOT, "%,d alerts", latency.latencySamples()),
        logic.parse() + logic.figureSerde() + logic.seriesStep(),
        logic.parse(),
        logic.figureSerde(),
        logic.seriesStep(),
        r.clientCpuMicrosPerFigure().keyedState(),
        r.clientCpuMicrosPerFigure().pipeline(),
        r.footprint().stateBytesPerSeries(),
        r.footprint().heapUsedBytes() >> 20);
  }
}
