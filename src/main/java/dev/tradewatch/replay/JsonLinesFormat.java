package dev.tradewatch.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;

/**
 * JSON lines: each line must be exactly one JSON object, which is passed on as its original bytes.
 * Field values are not checked here; the stream validates and dead-letters.
 */
final class JsonLinesFormat implements LineFormat {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @Override
  public byte[] toFigure(byte[] line) throws LineRejectedException {
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new LineRejectedException("not valid JSON: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new LineRejectedException("not valid JSON: " + firstLine(e.getMessage()));
    }
    if (node == null || !node.isObject()) {
      String found = node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
      throw new LineRejectedException("expected a JSON object, found " + found);
    }
    return line;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
