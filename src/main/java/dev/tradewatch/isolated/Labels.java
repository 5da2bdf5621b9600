package dev.tradewatch.isolated;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.figures.Countries;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The true anomalies of a backtest ({@code --labels}: CSV {@code exporter,importer,period[,rule]})
 * and the precision and recall of a set of active alerts against them. A label without a rule
 * matches an alert of any rule for that pair and month.
 */
public final class Labels {

  /** One true anomaly; {@code rule} is null when any rule may find it. */
  public record Label(String exporter, String importer, String period, String rule) {

    boolean matches(Alert alert) {
      return alert.series().exporter().equals(exporter)
          && alert.series().importer().equals(importer)
          && alert.period().toString().equals(period)
          && (rule == null || alert.rule().name().equals(rule));
    }
  }

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

  private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}");

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
   *     YYYY-MM}, or an unknown rule
   */
  public static Labels read(Path file) throws IOException {
    List<Label> labels = new ArrayList<>();
    int number = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      number++;
      String trimmed = line.strip();
      if (trimmed.isEmpty()
          || number == 1 && trimmed.toLowerCase(Locale.ROOT).startsWith("exporter")) {
        continue;
      }
      try {
        labels.add(label(trimmed.split(",", -1)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage(), e);
      }
    }
    return new Labels(labels);
  }

  private static Label label(String[] cells) {
    if (cells.length < 3 || cells.length > 4) {
      throw new IllegalArgumentException(
          "expected exporter,importer,period[,rule], found " + cells.length + " cells");
    }
    String rule = cells.length == 4 && !cells[3].isBlank() ? cells[3].strip() : null;
    if (rule != null && Rules.byName(rule).isEmpty()) {
      throw new IllegalArgumentException(
          "unknown rule '"
              + rule
              + "' (known: "
              + Rules.ALL.stream().map(Rule::name).collect(Collectors.joining(", "))
              + ")");
    }
    return new Label(country(cells[0]), country(cells[1]), period(cells[2].strip()), rule);
  }

  private static String country(String cell) {
    String code = cell.strip().toUpperCase(Locale.ROOT);
    if (!Countries.isKnown(code)) {
      throw new IllegalArgumentException(
          "unknown country '" + cell.strip() + "' (expected ISO 3166-1 alpha-3 or WLD)");
    }
    return code;
  }

  private static String period(String cell) {
    if (!PERIOD.matcher(cell).matches()) {
      throw new IllegalArgumentException("bad period '" + cell + "' (expected YYYY-MM)");
    }
    try {
      return YearMonth.parse(cell).toString();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("bad period '" + cell + "' (expected YYYY-MM)", e);
    }
  }

  /** The labels, in file order. */
  public List<Label> labels() {
    return labels;
  }

  public Score score(Collection<Alert> alerts) {
    List<Alert> active = alerts.stream().filter(a -> a.status().isActive()).toList();
    int truePositives =
        (int) active.stream().filter(a -> labels.stream().anyMatch(l -> l.matches(a))).count();
    int found = (int) labels.stream().filter(l -> active.stream().anyMatch(l::matches)).count();
    return new Score(labels.size(), active.size(), truePositives, found);
  }
}
