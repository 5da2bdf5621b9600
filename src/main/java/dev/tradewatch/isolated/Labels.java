package dev.tradewatch.isolated;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Rules;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The true anomalies of a backtest ({@code --labels}: CSV {@code
 * exporter,importer,period[,rule[,eventDate[,category]]]}), the precision and recall of a set of
 * active alerts against them, overall and per rule, and how early each caught label with an event
 * date was knowable. A label without a rule matches an alert of any rule for that pair and month;
 * one without a category, an alert of any category.
 */
public final class Labels {

  /**
   * One true anomaly; {@code rule} is null when any rule may find it, {@code category} when any
   * category may, {@code eventDate} when the label has none.
   */
  public record Label(
      String exporter,
      String importer,
      String period,
      String rule,
      LocalDate eventDate,
      String category) {

    /** A label without event date or category. */
    public Label(String exporter, String importer, String period, String rule) {
      this(exporter, importer, period, rule, null, null);
    }

    /** A source-silent label: the reporter in {@code exporter}, no importer and no period. */
    boolean isSource() {
      return importer == null;
    }

    boolean matches(Alert alert) {
      if (isSource() || alert.series().isSource()) {
        return isSource()
            && alert.series().isSource()
            && alert.series().reporter().equals(exporter)
            && (rule == null || alert.rule().name().equals(rule))
            && (category == null || alert.series().category().equals(category));
      }
      return alert.series().exporter().equals(exporter)
          && alert.series().importer().equals(importer)
          && alert.period().toString().equals(period)
          && (rule == null || alert.rule().name().equals(rule))
          && (category == null || alert.series().category().equals(category));
    }

    /** E.g. {@code TUR→AZE 2020-08 month-spike [defence-aerospace]}. */
    public String describe() {
      if (isSource()) {
        return exporter + " " + rule + (category == null ? "" : " [" + category + "]");
      }
      return exporter
          + "→"
          + importer
          + " "
          + period
          + (rule == null ? "" : " " + rule)
          + (category == null ? "" : " [" + category + "]");
    }
  }

  /**
   * A caught label with an event date: the earliest {@code firstFiredAsOf} of the active alerts
   * that match it, and the days from that date (UTC) to the event; negative when it came after.
   */
  public record LeadTime(Label label, Instant firstFiredAsOf, long days) {}

  /**
   * Precision: share of active alerts that match a label; recall: share of labels some active alert
   * matches.
   */
  public record Score(int labels, int alerts, int truePositives, int found) {

    public double precision() {
      return alerts == 0 ? 1.0 : (double) truePositives / alerts;
    }

    public double recall() {
      return labels == 0 ? 1.0 : (double) found / labels;
    }
  }

  private final List<Label> labels;

  public Labels(List<Label> labels) {
    this.labels = List.copyOf(labels);
  }

  /**
   * Reads the CSV; a header line starting with "exporter" is skipped. Country codes are read in any
   * case.
   *
   * @throws IllegalArgumentException naming the file and line of the first label that could never
   *     match an alert: a wrong number of cells, an unknown country, a period that is not {@code
   *     YYYY-MM}, an unknown rule, an event date that is not {@code YYYY-MM-DD}, or a category no
   *     figure can have
   */
  public static Labels read(Path file) throws IOException {
    return new Labels(LabelsFile.read(file));
  }

  /** The labels, in file order. */
  public List<Label> labels() {
    return labels;
  }

  public Score score(Collection<Alert> alerts) {
    return score(labels, active(alerts));
  }

  /**
   * The score of each rule alone, in registry order: its active alerts against the labels it could
   * find (those naming it or no rule).
   */
  public Map<String, Score> scoreByRule(Collection<Alert> alerts) {
    List<Alert> active = active(alerts);
    Map<String, Score> byRule = new LinkedHashMap<>();
    for (Rule<?> rule : Rules.ALL) {
      String name = rule.name();
      byRule.put(
          name,
          score(
              labels.stream().filter(l -> l.rule() == null || l.rule().equals(name)).toList(),
              active.stream().filter(a -> a.rule() == rule).toList()));
    }
    return byRule;
  }

  /** The lead time of every caught label with an event date, in file order. */
  public List<LeadTime> leadTimes(Collection<Alert> alerts) {
    List<Alert> active = active(alerts);
    List<LeadTime> leadTimes = new ArrayList<>();
    for (Label label : labels) {
      if (label.eventDate() == null) {
        continue;
      }
      active.stream()
          .filter(label::matches)
          .map(Alert::firstFiredAsOf)
          .filter(Objects::nonNull)
          .min(Comparator.naturalOrder())
          .ifPresent(
              first ->
                  leadTimes.add(
                      new LeadTime(
                          label,
                          first,
                          ChronoUnit.DAYS.between(
                              first.atZone(ZoneOffset.UTC).toLocalDate(), label.eventDate()))));
    }
    return leadTimes;
  }

  private static List<Alert> active(Collection<Alert> alerts) {
    return alerts.stream().filter(a -> a.status().isActive()).toList();
  }

  private static Score score(List<Label> labels, List<Alert> active) {
    int truePositives =
        (int) active.stream().filter(a -> labels.stream().anyMatch(l -> l.matches(a))).count();
    int found = (int) labels.stream().filter(l -> active.stream().anyMatch(l::matches)).count();
    return new Score(labels.size(), active.size(), truePositives, found);
  }
}
