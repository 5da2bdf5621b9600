package dev.tradewatch.cli;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.isolated.Labels;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The lines of a backtest summary that make it a tuning tool: what a setting costs (active alerts
 * per year and rule, distinct flows alerted) and what it finds (precision and recall per rule, and
 * how many days before each labelled event it would have fired).
 */
final class BacktestFindings {

  private static final String NL = System.lineSeparator();

  private BacktestFindings() {}

  /**
   * {@code active by year: 2020: month-spike 2, month-threshold 3; 2021: …} and {@code flows
   * alerted: 3 (exporter, importer, category)}; only the flows line when nothing is active.
   */
  static String cost(Collection<Alert> alerts) {
    List<Alert> active = alerts.stream().filter(a -> a.status().isActive()).toList();
    Map<Integer, Map<String, Long>> byYear =
        active.stream()
            .collect(
                Collectors.groupingBy(
                    a -> a.period().getYear(),
                    TreeMap::new,
                    Collectors.groupingBy(
                        a -> a.rule().name(), TreeMap::new, Collectors.counting())));
    long flows =
        active.stream()
            .filter(a -> !a.series().isSource()) // a silent source is no flow
            .map(a -> List.of(a.series().exporter(), a.series().importer(), a.series().category()))
            .distinct()
            .count();
    StringBuilder text = new StringBuilder();
    if (!byYear.isEmpty()) {
      text.append("  active by year: ")
          .append(
              byYear.entrySet().stream()
                  .map(e -> e.getKey() + ": " + counts(e.getValue()))
                  .collect(Collectors.joining("; ")))
          .append(NL);
    }
    text.append(
        String.format(Locale.ROOT, "  flows alerted: %,d (exporter, importer, category)%n", flows));
    return text.toString();
  }

  /** Precision and recall overall and per rule, then the lead time of each caught label. */
  static String against(Labels labels, Collection<Alert> alerts) {
    Labels.Score score = labels.score(alerts);
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "  against %s: precision %.3f, recall %.3f%n",
            Words.count(score.labels(), "label"),
            score.precision(),
            score.recall()));
    labels
        .scoreByRule(alerts)
        .forEach(
            (rule, byRule) ->
                text.append(
                    String.format(
                        Locale.ROOT,
                        "    %-16s precision %s (%s), recall %s (%s)%n",
                        rule + ":",
                        byRule.alerts() == 0 ? "-" : decimal(byRule.precision()),
                        Words.count(byRule.alerts(), "alert"),
                        byRule.labels() == 0 ? "-" : decimal(byRule.recall()),
                        Words.count(byRule.labels(), "label"))));
    for (Labels.LeadTime lead : labels.leadTimes(alerts)) {
      text.append(
          String.format(
              Locale.ROOT,
              "  lead time: %s: %s %s %s (first knowable %s)%n",
              lead.label().describe(),
              Words.count(Math.abs(lead.days()), "day"),
              lead.days() >= 0 ? "before" : "after",
              lead.label().eventDate(),
              lead.firstFiredAsOf().atZone(ZoneOffset.UTC).toLocalDate()));
    }
    return text.toString();
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  /** E.g. {@code month-spike 2, month-threshold 3}. */
  static String counts(Map<String, Long> byRule) {
    return byRule.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
