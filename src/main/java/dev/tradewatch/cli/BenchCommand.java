package dev.tradewatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradewatch.bench.Bench;
import dev.tradewatch.config.ConfigException;
import dev.tradewatch.config.Settings;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
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
      defaultValue = "1000000",
      description = "Figures to generate (default: ${DEFAULT-VALUE}).")
  int records;

  @Option(
      names = "--series",
      defaultValue = "100000",
      description = "Series they are spread over (default: ${DEFAULT-VALUE}).")
  int series;

  @Option(
      names = "--instances",
      defaultValue = "1",
      description =
          "Instances of the pipeline, one application in this JVM (default: ${DEFAULT-VALUE}).")
  int instances;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Mixin ConfigOptions config;

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
    Settings settings = config.load(Map.of());
    PrintWriter err = spec.commandLine().getErr();
    Bench.Result result =
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
    return 0;
  }

  private static String table(Bench.Result r) {
    return String.format(
        Locale.ROOT,
        """
                records %,d over %,d series, %s
                  produce (acks=all)        %,10.0f /s
                  raw consumer              %,10.0f /s
                  streams pass-through      %,10.0f /s
                  streams keyed state       %,10.0f /s   (repartition + store read/write per record)
                  tradewatch pipeline       %,10.0f /s   (%.2f × pass-through, %.2f × keyed state; %d instance%s)
                  latency at half load      p50 %.0f ms, p99 %.0f ms (%,d alerts)
                  tradewatch logic alone    %.2f µs per figure (parse %.2f, figure serde %.2f, series step %.2f)
                  state per series          %,.0f bytes
                  heap in use               %,d MB""",
        r.records(),
        r.series(),
        r.guarantee(),
        r.produceRatePerSec(),
        r.rawConsumerPerSec(),
        r.passThroughPerSec(),
        r.keyedStatePerSec(),
        r.pipelinePerSec(),
        r.pipelinePerSec() / r.passThroughPerSec(),
        r.pipelinePerSec() / r.keyedStatePerSec(),
        r.instances(),
        r.instances() == 1 ? "" : "s",
        r.latencyP50Ms(),
        r.latencyP99Ms(),
        r.latencySamples(),
        logicTotal(r.logicMicrosPerFigure()),
        r.logicMicrosPerFigure().parse(),
        r.logicMicrosPerFigure().figureSerde(),
        r.logicMicrosPerFigure().seriesStep(),
        r.stateBytesPerSeries(),
        r.heapUsedBytes() >> 20);
  }

  private static double logicTotal(Bench.Logic logic) {
    return logic.parse() + logic.figureSerde() + logic.seriesStep();
  }
}
