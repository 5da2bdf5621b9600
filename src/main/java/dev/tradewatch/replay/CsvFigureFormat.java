package dev.tradewatch.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plain CSV figures with a header naming the figure fields in any order. exporter, importer, period
 * and valueUsd must be in the header; other known fields are optional and unknown columns are
 * ignored. Empty cells are left out of the JSON; a valueUsd that is not a number makes the line
 * malformed.
 */
final class CsvFigureFormat implements LineFormat {

  /** Figure fields in the order they are written. */
  static final List<String> FIELDS =
      List.of(
          "exporter",
          "importer",
          "period",
          "basis",
          "valueUsd",
          "category",
          "reporter",
          "source",
          "publishedAt");

  static final List<String> REQUIRED = List.of("exporter", "importer", "period", "valueUsd");

  private final int width;

  /** Column index of each entry of {@link #FIELDS}, or -1 when absent. */
  private final int[] columnOfField;

  private CsvFigureFormat(int width, int[] columnOfField) {
    this.width = width;
    this.columnOfField = columnOfField;
  }

  /** Reads the header; rejects it when a required column is missing. */
  static CsvFigureFormat fromHeader(byte[] headerLine) throws LineRejectedException {
    List<String> header = CsvCells.split(decode(headerLine));
    Map<String, Integer> columns = CsvCells.columns(header);
    List<String> missing = new ArrayList<>();
    int[] columnOfField = new int[FIELDS.size()];
    for (int f = 0; f < FIELDS.size(); f++) {
      String field = FIELDS.get(f);
      columnOfField[f] = columns.getOrDefault(field.toLowerCase(Locale.ROOT), -1);
      if (columnOfField[f] < 0 && REQUIRED.contains(field)) {
        missing.add(field);
      }
    }
    if (!missing.isEmpty()) {
      throw new LineRejectedException(
          "header lacks required column(s) "
              + String.join(", ", missing)
              + "; expected "
              + String.join(",", FIELDS));
    }
    return new CsvFigureFormat(header.size(), columnOfField);
  }

  @Override
  public byte[] toFigure(byte[] line) throws LineRejectedException {
    List<String> cells = CsvCells.split(decode(line));
    if (cells.size() != width) {
      throw new LineRejectedException("expected " + width + " cells, found " + cells.size());
    }
    ObjectNode figure = FigureJson.newFigure();
    for (int f = 0; f < FIELDS.size(); f++) {
      if (columnOfField[f] < 0) {
        continue;
      }
      String value = cells.get(columnOfField[f]);
      if (FIELDS.get(f).equals("valueUsd")) {
        FigureJson.putNumber(figure, "valueUsd", "valueUsd", value);
      } else {
        FigureJson.putText(figure, FIELDS.get(f), value);
      }
    }
    return FigureJson.bytes(figure);
  }

  /** Strict UTF-8: a garbled line is reported rather than sent on with replacement characters. */
  private static String decode(byte[] line) throws LineRejectedException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(line))
          .toString();
    } catch (CharacterCodingException e) {
      throw new LineRejectedException("not valid UTF-8");
    }
  }
}
