package dev.tradewatch.testing.scenarios;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A generated feed and its truth: the figures in publication order, the label of every planted
 * event (what the default rules must raise at the end of the feed), the controls planted next to
 * them (what they must not raise), and "now", the latest {@code publishedAt} of the feed.
 */
public record Scenario(
    long seed, List<String> figures, List<Label> labels, List<Control> controls, Instant now) {

  /** Every rule a scenario plants events for, the analyst checks included. */
  public static final Set<String> RULES =
      Set.of(
          "month-threshold",
          "ytd-ratio",
          "month-spike",
          "mirror-gap",
          "dormant-partner",
          "source-silent");

  /**
   * One planted event, as the backtest's labels CSV has it. For {@code source-silent} the reporter
   * is in {@code exporter} and {@code importer} and {@code period} are null.
   *
   * @param eventDate the day the event first became knowable: the first publication of the planted
   *     value (for a gap, of its later side); for a silent source, the day its next period was due
   */
  public record Label(
      String rule,
      String exporter,
      String importer,
      YearMonth period,
      String category,
      LocalDate eventDate,
      String description) {

    /** {@code exporter,importer,period,rule,eventDate,category}, empty cells for nulls. */
    public String csvLine() {
      return String.join(
          ",",
          exporter,
          importer == null ? "" : importer,
          period == null ? "" : period.toString(),
          rule,
          eventDate.toString(),
          category);
    }
  }

  /**
   * A case planted to stay quiet: a flow (or a reporter, for {@code source-silent}) that looks like
   * an event to a careless rule but stays below every default threshold of {@code rules}.
   */
  public record Control(
      String kind, String exporter, String importer, String category, Set<String> rules) {}

  public Scenario {
    figures = List.copyOf(figures);
    labels = List.copyOf(labels);
    controls = List.copyOf(controls);
  }

  public List<Label> labels(String rule) {
    return labels.stream().filter(label -> label.rule().equals(rule)).toList();
  }

  /** The rules the labels name. */
  public Set<String> labelledRules() {
    return labels.stream().map(Label::rule).collect(Collectors.toCollection(TreeSet::new));
  }

  /** A labels file for {@code backtest --labels}: a header, then the labels that pass. */
  public String labelsCsv(Predicate<Label> which) {
    return labels.stream()
        .filter(which)
        .map(Label::csvLine)
        .collect(
            Collectors.joining("\n", "exporter,importer,period,rule,eventDate,category\n", "\n"));
  }

  /** The figures as a JSON-lines file's text. */
  public String jsonLines() {
    return String.join("\n", figures) + "\n";
  }
}
