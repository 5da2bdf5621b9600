package dev.tradewatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradewatch.config.ConfigException;
import dev.tradewatch.config.ConfigKeys;
import dev.tradewatch.config.FileProblems;
import dev.tradewatch.config.Settings;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.rules.SourceSilent;
import dev.tradewatch.isolated.Backtest;
import dev.tradewatch.isolated.Labels;
import dev.tradewatch.isolated.RejectedLine;
import dev.tradewatch.replay.FileReplay;
import dev.tradewatch.stream.AlertJson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backtest}: a file through the same topology in isolation; the latest state of every alert
 * out.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description =
        "Process a file through the monitor's topology in isolation (embedded broker unless "
            + "--bootstrap-servers), write the latest state of every alert and print a summary.")
public final class BacktestCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the alerts here as JSON lines (latest state of each, by id).")
  Path output;

  @Option(
      names = "--labels",
      paramLabel = "FILE",
      description =
          "CSV exporter,importer,period[,rule[,eventDate[,category]]] of true anomalies: adds"
              + " precision and recall, overall and per rule, and each caught label's lead time.")
  Path labelsFile;

  @Option(
      names = "--dead-letters",
      paramLabel = "FILE",
      description =
          "Write the refused figures here as JSON lines (line, reason, field, detail, text).")
  Path deadLettersFile;

  @Option(
      names = "--as-of",
      paramLabel = "INSTANT",
      description =
          "Judge silent sources at this instant, e.g. 2022-06-30T00:00:00Z (default: the latest"
              + " publishedAt of the file).")
  String asOf;

  @Mixin InputFileOptions file;

  @Mixin BootstrapOption bootstrap;

  @Mixin SettingsOptions settingsOptions;

  @Mixin VerboseOption verbose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Settings settings = settingsOptions.load(bootstrap);
    if (asOf != null) {
      settings =
          settings.with(
              Map.of(ConfigKeys.ruleKey(SourceSilent.RULE, SourceSilent.AS_OF), asOf.strip()));
    }
    Labels labels = labelsFile == null ? null : readLabels(labelsFile);
    checkWritable("--output", output);
    checkWritable("--dead-letters", deadLettersFile);
    ProgressBar bar = new ProgressBar(spec.commandLine().getErr());
    FileReplay.Input in =
        new FileReplay.Input(
            file.input, file.checkedFormat(), file.strict, line -> bar.warn("malformed " + line));
    ShutdownSignal shutdown = new ShutdownSignal();
    try {
      Backtest.Result result =
          Backtest.run(settings, in, !bootstrap.isSet(), bar, shutdown::requested);
      if (output != null) {
        writeAlerts(result.alerts(), output);
      }
      if (deadLettersFile != null) {
        writeDeadLetters(result.rejected(), deadLettersFile);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(summary(result, labels, file.input, output, deadLettersFile));
      out.flush();
    } finally {
      shutdown.cleanedUp(); // on Ctrl-C, the summary of what was produced is out: exit 0
    }
    return 0;
  }

  /** Output paths are checked before the run, not found wanting after it. */
  private static void checkWritable(String option, Path file) {
    if (file != null) {
      FileProblems.forWriting(file)
          .ifPresent(
              problem -> {
                throw new ConfigException(option + ": " + problem);
              });
    }
  }

  private static Labels readLabels(Path file) {
    try {
      return Labels.read(file);
    } catch (IOException e) {
      throw new ConfigException("--labels: " + FileProblems.describe(file, e));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--labels: " + e.getMessage());
    }
  }

  static void writeAlerts(Map<String, Alert> alerts, Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      AlertJson.writeLines(new TreeMap<>(alerts).values(), out);
    }
  }

  static void writeDeadLetters(List<RejectedLine> rejected, Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      for (RejectedLine line : rejected) {
        ObjectNode node = JSON.createObjectNode();
        if (line.hasLine()) {
          node.put("line", line.line());
        } else {
          node.putNull("line");
        }
        node.put("reason", line.reason());
        node.put("field", line.field());
        node.put("detail", line.detail());
        node.put("text", line.text());
        out.write(JSON.writeValueAsBytes(node));
        out.write('\n');
      }
    }
  }

  static String summary(
      Backtest.Result result, Labels labels, Path input, Path output, Path deadLetters) {
    Map<String, Long> outcomes = result.figuresByOutcome();
    long accepted =
        outcomes.entrySet().stream()
            .filter(e -> !e.getKey().equals("rejected"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    Map<String, Long> byRule =
        result.alerts().values().stream()
            .filter(a -> a.status().isActive())
            .collect(
                Collectors.groupingBy(a -> a.rule().name(), TreeMap::new, Collectors.counting()));
    long resolved = result.alerts().values().stream().filter(a -> !a.status().isActive()).count();
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Backtest of %s (%s): %s, %s read, %s%s%n",
            input,
            result.replay().format().cliName(),
            Words.count(result.replay().read().linesRead(), "line"),
            Words.count(result.replay().produced(), "figure"),
            Words.count(result.replay().read().malformed(), "malformed line"),
            ReplayCommand.skipped(result.replay().read().skipped())));
    text.append(
        String.format(
            Locale.ROOT,
            "  figures: %,d accepted (%,d new, %s, %s, %,d stale), %,d rejected%n",
            accepted,
            outcomes.getOrDefault("new", 0L),
            Words.count(outcomes.getOrDefault("revision", 0L), "revision"),
            Words.count(outcomes.getOrDefault("duplicate", 0L), "duplicate"),
            outcomes.getOrDefault("stale", 0L),
            outcomes.getOrDefault("rejected", 0L)));
    if (!result.rejected().isEmpty()) {
      text.append("  rejected: ")
          .append(RejectionWords.byReason(result.rejected()))
          .append(deadLetters == null ? "; --dead-letters FILE keeps them" : "")
          .append(System.lineSeparator());
    }
    if (result.replay().stopped()) {
      text.append("  stopped on request before the end of the file: the figures above are those")
          .append(" produced until then")
          .append(System.lineSeparator());
    }
    text.append(
        String.format(
            Locale.ROOT,
            "  alerts:  %,d active%s, %,d resolved%n",
            byRule.values().stream().mapToLong(Long::longValue).sum(),
            byRule.isEmpty() ? "" : " (" + BacktestFindings.counts(byRule) + ")",
            resolved));
    text.append(BacktestFindings.cost(result.alerts().values()));
    if (labels != null) {
      text.append(BacktestFindings.against(labels, result.alerts().values()));
    }
    text.append(
        String.format(
            Locale.ROOT,
            "  elapsed: %.1f s%s%n",
            result.elapsed().toMillis() / 1000.0,
            (output == null ? "" : "; alerts written to " + output)
                + (deadLetters == null ? "" : "; dead letters written to " + deadLetters)));
    return text.toString();
  }
}
