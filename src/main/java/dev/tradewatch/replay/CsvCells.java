package dev.tradewatch.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The small CSV dialect shared by the csv and Comtrade readers: comma-separated cells, a cell that
 * starts with {@code "} is quoted and may hold commas and {@code ""} escapes. Quoted cells cannot
 * span lines, because line numbers must stay physical lines; an unclosed quote rejects the line.
 */
final class CsvCells {

  private CsvCells() {}

  /** Splits one line into its cells, unquoting quoted cells. */
  static List<String> split(String line) throws LineRejectedException {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int i = 0;
    while (true) {
      cell.setLength(0);
      i = line.startsWith("\"", i) ? readQuoted(line, i + 1, cell) : readPlain(line, i, cell);
      cells.add(cell.toString());
      if (i >= line.length()) {
        return cells;
      }
      i++; // the comma
    }
  }

  /** Maps each header name, lower-cased and trimmed, to its column index. */
  static Map<String, Integer> columns(List<String> header) throws LineRejectedException {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).trim().toLowerCase(Locale.ROOT);
      if (!name.isEmpty() && columns.putIfAbsent(name, i) != null) {
        throw new LineRejectedException("header names column '" + header.get(i).trim() + "' twice");
      }
    }
    return columns;
  }

  private static int readPlain(String line, int from, StringBuilder cell) {
    int comma = line.indexOf(',', from);
    int end = comma < 0 ? line.length() : comma;
    cell.append(line, from, end);
    return end;
  }

  private static int readQuoted(String line, int from, StringBuilder cell)
      throws LineRejectedException {
    int i = from;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c != '"') {
        cell.append(c);
        i++;
      } else if (line.startsWith("\"", i + 1)) {
        cell.append('"');
        i += 2;
      } else if (i + 1 == line.length() || line.charAt(i + 1) == ',') {
        return i + 1;
      } else {
        throw new LineRejectedException(
            "unexpected character after closing quote at column " + (i + 2));
      }
    }
    throw new LineRejectedException("unclosed quoted cell");
  }
}
