package dev.tradewatch.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * UN Comtrade+ CSV (API or bulk download), columns found by header name. Reported exports (flow X)
 * become reporter to partner; reported imports (flow M) become the mirror figure partner to
 * reporter, still credited to the reporter. Other flows (re-exports, re-imports, ...) are skipped.
 * Monthly periods {@code YYYYMM} become {@code YYYY-MM} (basis month); annual {@code YYYY} becomes
 * {@code YYYY-12} with basis ytd. {@code W00} (world) becomes {@code WLD}; cmdCode {@code TOTAL}
 * becomes category {@code total}. Breakdown rows (a customs procedure other than {@code C00}, a
 * mode of transport other than {@code 0}, a second partner other than {@code 0}) are skipped: only
 * the aggregate row is the figure, and keeping several rows for one month would turn them into
 * competing "revisions".
 */
final class ComtradeFormat implements LineFormat {

  static final List<String> REQUIRED =
      List.of(
          "freqCode", "period", "reporterISO", "partnerISO", "flowCode", "cmdCode", "primaryValue");

  private static final Pattern MONTH_PERIOD = Pattern.compile("\\d{6}");
  private static final Pattern YEAR_PERIOD = Pattern.compile("\\d{4}");

  private static final int FREQ = 0;
  private static final int PERIOD = 1;
  private static final int REPORTER = 2;
  private static final int PARTNER = 3;
  private static final int FLOW = 4;
  private static final int CMD = 5;
  private static final int VALUE = 6;

  /** Optional breakdown columns and the value of their aggregate row. */
  private static final Map<String, String> AGGREGATES =
      Map.of("customscode", "C00", "motcode", "0", "partner2code", "0");

  private final int width;

  /** Column index of each entry of {@link #REQUIRED}. */
  private final int[] column;

  /** Column index of each breakdown column present, with its aggregate value. */
  private final Map<Integer, String> breakdowns;

  private ComtradeFormat(int width, int[] column, Map<Integer, String> breakdowns) {
    this.width = width;
    this.column = column;
    this.breakdowns = breakdowns;
  }

  /** Reads the header; rejects it when one of {@link #REQUIRED} is missing. */
  static ComtradeFormat fromHeader(byte[] headerLine) throws LineRejectedException {
    List<String> header = CsvCells.split(decode(headerLine));
    Map<String, Integer> columns = CsvCells.columns(header);
    List<String> missing = new ArrayList<>();
    int[] column = new int[REQUIRED.size()];
    for (int c = 0; c < REQUIRED.size(); c++) {
      column[c] = columns.getOrDefault(REQUIRED.get(c).toLowerCase(Locale.ROOT), -1);
      if (column[c] < 0) {
        missing.add(REQUIRED.get(c));
      }
    }
    if (!missing.isEmpty()) {
      throw new LineRejectedException(
          "Comtrade header lacks column(s) " + String.join(", ", missing));
    }
    Map<Integer, String> breakdowns = new HashMap<>();
    AGGREGATES.forEach(
        (name, aggregate) -> {
          if (columns.containsKey(name)) {
            breakdowns.put(columns.get(name), aggregate);
          }
        });
    return new ComtradeFormat(header.size(), column, Map.copyOf(breakdowns));
  }

  /** Whether a header line looks like Comtrade+ (names freqCode and primaryValue). */
  static boolean isComtradeHeader(byte[] headerLine) {
    try {
      Map<String, Integer> columns = CsvCells.columns(CsvCells.split(decode(headerLine)));
      return columns.containsKey("freqcode") && columns.containsKey("primaryvalue");
    } catch (LineRejectedException e) {
      return false;
    }
  }

  @Override
  public byte[] toFigure(byte[] line) throws LineRejectedException {
    List<String> cells = CsvCells.split(decode(line));
    checkWidth(cells);
    String flow = cell(cells, FLOW);
    boolean exports = flow.equals("X");
    if (!exports && !flow.equals("M") || isBreakdown(cells)) {
      return null;
    }
    String reporter = area(cell(cells, REPORTER));
    String partner = area(cell(cells, PARTNER));
    ObjectNode figure = FigureJson.newFigure();
    FigureJson.putText(figure, "exporter", exports ? reporter : partner);
    FigureJson.putText(figure, "importer", exports ? partner : reporter);
    putPeriod(figure, cell(cells, FREQ), cell(cells, PERIOD));
    FigureJson.putNumber(figure, "valueUsd", "primaryValue", cell(cells, VALUE));
    String cmd = cell(cells, CMD);
    FigureJson.putText(figure, "category", cmd.equals("TOTAL") ? "total" : cmd);
    FigureJson.putText(figure, "reporter", reporter);
    figure.put("source", "comtrade");
    return FigureJson.bytes(figure);
  }

  /** Same width as the header; extra trailing empty cells (a trailing comma) are tolerated. */
  private void checkWidth(List<String> cells) throws LineRejectedException {
    boolean extraAllEmpty =
        cells.subList(Math.min(width, cells.size()), cells.size()).stream()
            .allMatch(String::isBlank);
    if (cells.size() < width || !extraAllEmpty) {
      throw new LineRejectedException("expected " + width + " cells, found " + cells.size());
    }
  }

  private static void putPeriod(ObjectNode figure, String freq, String period)
      throws LineRejectedException {
    if (freq.equals("M") && MONTH_PERIOD.matcher(period).matches()) {
      figure.put("period", period.substring(0, 4) + "-" + period.substring(4));
      figure.put("basis", "month");
    } else if (freq.equals("A") && YEAR_PERIOD.matcher(period).matches()) {
      figure.put("period", period + "-12");
      figure.put("basis", "ytd");
    } else {
      throw new LineRejectedException(
          "cannot read period '"
              + period
              + "' with freqCode '"
              + freq
              + "' (expected M with YYYYMM or A with YYYY)");
    }
  }

  private String cell(List<String> cells, int field) {
    return cells.get(column[field]).trim();
  }

  private static String area(String iso) {
    return iso.equals("W00") ? "WLD" : iso;
  }

  /** Lenient: Comtrade downloads are sometimes Latin-1; only the ASCII code columns are used. */
  private static String decode(byte[] line) {
    return new String(line, StandardCharsets.UTF_8);
  }

  private boolean isBreakdown(List<String> cells) {
    for (Map.Entry<Integer, String> breakdown : breakdowns.entrySet()) {
      String value = breakdown.getKey() < cells.size() ? cells.get(breakdown.getKey()).strip() : "";
      if (!value.isEmpty() && !value.equals(breakdown.getValue())) {
        return true;
      }
    }
    return false;
  }
}
