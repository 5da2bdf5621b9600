package dev.tradewatch.isolated;

import dev.tradewatch.domain.alerts.Alert;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

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

  private final List<Label> labels;

  public Labels(List<Label> labels) {
    this.labels = List.copyOf(labels);
  }

  /** Reads the CSV; a header line starting with "exporter" is skipped. */
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
      String[] cells = trimmed.split(",", -1);
      if (cells.length < 3 || cells.length > 4) {
        throw new IllegalArgumentException(
            file + " line " + number + ": expected exporter,importer,period[,rule]");
      }
      String rule = cells.length == 4 && !cells[3].isBlank() ? cells[3].strip() : null;
      labels.add(new Label(cells[0].strip(), cells[1].strip(), cells[2].strip(), rule));
    }
    return new Labels(labels);
  }

  public Score score(Collection<Alert> alerts) {
    List<Alert> active = alerts.stream().filter(a -> a.status().isActive()).toList();
    int truePositives =
        (int) active.stream().filter(a -> labels.stream().anyMatch(l -> l.matches(a))).count();
    int found = (int) labels.stream().filter(l -> active.stream().anyMatch(l::matches)).count();
    return new Score(labels.size(), active.size(), truePositives, found);
  }
}
