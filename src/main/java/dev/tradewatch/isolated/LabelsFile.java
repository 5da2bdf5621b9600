package dev.tradewatch.isolated;

import dev.tradewatch.domain.figures.Countries;
import dev.tradewatch.domain.figures.FigureValidator;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Rules;
import dev.tradewatch.domain.rules.SourceSilent;
import dev.tradewatch.isolated.Labels.Label;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a labels file ({@code exporter,importer,period[,rule[,eventDate[,category]]]}), refusing
 * any label that could never match an alert with its line number.
 */
final class LabelsFile {

  private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}");

  private LabelsFile() {}

  /**
   * Reads the CSV; a header line starting with "exporter" is skipped. Country codes are read in any
   * case.
   *
   * @throws IllegalArgumentException naming the file and line of the first label that could never
   *     match an alert: a wrong number of cells, an unknown country, a period that is not {@code
   *     YYYY-MM}, or an unknown rule
   */
  static List<Label> read(Path file) throws IOException {
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
    return labels;
  }

  private static Label label(String[] cells) {
    if (cells.length < 3 || cells.length > 6) {
      throw new IllegalArgumentException(
          "expected exporter,importer,period[,rule[,eventDate[,category]]], found "
              + cells.length
              + " cells");
    }
    String rule = optional(cells, 3);
    if (rule != null && Rules.byName(rule).isEmpty()) {
      throw new IllegalArgumentException(
          "unknown rule '"
              + rule
              + "' (known: "
              + Rules.ALL.stream().map(Rule::name).collect(Collectors.joining(", "))
              + ")");
    }
    if (cells[1].isBlank() && cells[2].isBlank()) {
      // a source-silent label: the reporter in the exporter column, no importer and no period
      if (!SourceSilent.RULE.name().equals(rule)) {
        throw new IllegalArgumentException(
            "only a source-silent label leaves importer and period empty");
      }
      return new Label(
          country(cells[0]),
          null,
          null,
          rule,
          eventDate(optional(cells, 4)),
          category(optional(cells, 5)));
    }
    return new Label(
        country(cells[0]),
        country(cells[1]),
        period(cells[2].strip()),
        rule,
        eventDate(optional(cells, 4)),
        category(optional(cells, 5)));
  }

  /** The cell at {@code index} stripped, or null when it is absent or blank. */
  private static String optional(String[] cells, int index) {
    return cells.length > index && !cells[index].isBlank() ? cells[index].strip() : null;
  }

  private static LocalDate eventDate(String cell) {
    if (cell == null) {
      return null;
    }
    try {
      if (cell.length() == 10) {
        return LocalDate.parse(cell);
      }
    } catch (DateTimeException e) {
      // reported below, with the expected shape
    }
    throw new IllegalArgumentException("bad eventDate '" + cell + "' (expected YYYY-MM-DD)");
  }

  private static String category(String cell) {
    if (cell != null && !FigureValidator.isCategory(cell)) {
      throw new IllegalArgumentException(
          "bad category '"
              + cell
              + "' (1–64 letters, digits, spaces or ._/&()+-, starting with a letter or digit)");
    }
    return cell;
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
}
