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
   * Sets {@code field} to a JSON number when {@code value} parses as one, else to the text as given
   * so the stream can dead-letter it with its reason; omitted when empty.
   */
  static void putNumberOrText(ObjectNode figure, String field, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    try {
      figure.put(field, new BigDecimal(value.trim()));
    } catch (NumberFormatException e) {
      figure.put(field, value);
    }
  }

  static byte[] bytes(ObjectNode figure) {
    try {
      return MAPPER.writeValueAsBytes(figure);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write a figure as JSON", e);
    }
  }
}
