package dev.tradewatch.replay;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Builds figure JSON for the csv and Comtrade readers. Numbers go through {@link BigDecimal} and
 * are written plainly, so large values keep every digit and {@code 7.71E7} is sent as {@code
 * 77100000}.
 */
final class FigureJson {

  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  /** The largest scale Jackson writes as a plain number (1e9999 and 1e-9999). */
  private static final int MAX_PLAIN_SCALE = 9999;

  private FigureJson() {}

  static ObjectNode newFigure() {
    return MAPPER.createObjectNode();
  }

  /** Sets {@code field} to {@code value}, omitting it when the value is null or empty. */
  static void putText(ObjectNode figure, String field, String value) {
    if (value != null && !value.isEmpty()) {
      figure.put(field, value);
    }
  }

  /**
   * Sets {@code field} to {@code value} as a JSON number, omitting it when empty (the stream then
   * reports the missing field). CSV has no types: a cell that is not a number is the line's fault,
   * reported with the name of its {@code column}, rather than sent on as a string for the stream to
   * refuse as the wrong type.
   */
  static void putNumber(ObjectNode figure, String field, String column, String value)
      throws LineRejectedException {
    if (value == null || value.isEmpty()) {
      return;
    }
    BigDecimal number;
    try {
      number = new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      throw new LineRejectedException(column + " is not a number: '" + value + "'");
    }
    if (Math.abs(number.scale()) > MAX_PLAIN_SCALE) {
      // far outside any figure, and Jackson refuses to write it plainly
      throw new LineRejectedException(column + " is out of range: '" + value + "'");
    }
    figure.put(field, number);
  }

  static byte[] bytes(ObjectNode figure) {
    try {
      return MAPPER.writeValueAsBytes(figure);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write a figure as JSON", e);
    }
  }
}
