package dev.tradewatch.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * What the producer needs to know of a figure before sending it: its flow ({@code
 * EXPORTER-IMPORTER-CATEGORY}, the record key, so that the figures of one flow stay in file order
 * on one partition) and whether it carries a {@code publishedAt} (without one, the record timestamp
 * orders its revisions). Read with a streaming parser from the top-level fields only; values are
 * not validated here, the stream does that.
 *
 * @param key the flow: exporter, importer and category (trimmed; {@code total} when absent or
 *     blank) joined by {@code -}
 * @param hasPublishedAt whether the figure has a non-null {@code publishedAt}
 * @param publishedAt that {@code publishedAt} when it is a valid ISO-8601 instant, else null
 */
public record FigureFlow(String key, boolean hasPublishedAt, Instant publishedAt) {

  /** The category of a figure that names none (docs/contract.md, "Input figure"). */
  static final String DEFAULT_CATEGORY = "total";

  private static final JsonFactory JSON = new JsonFactory();

  /** Reads the flow of a figure's JSON; text that is not a JSON object has an empty flow. */
  public static FigureFlow of(byte[] json) {
    String exporter = "";
    String importer = "";
    String category = "";
    String published = null;
    boolean hasPublishedAt = false;
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return flow("", "", "", false, null);
      }
      for (JsonToken token = parser.nextToken();
          token == JsonToken.FIELD_NAME;
          token = parser.nextToken()) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "exporter" -> exporter = scalar(parser, value, exporter);
          case "importer" -> importer = scalar(parser, value, importer);
          case "category" -> category = scalar(parser, value, category);
          case "publishedAt" -> {
            hasPublishedAt = value != JsonToken.VALUE_NULL;
            published = value == JsonToken.VALUE_STRING ? parser.getText() : null;
            parser.skipChildren(); // a no-op unless the value is an object or array
          }
          default -> parser.skipChildren();
        }
      }
    } catch (IOException e) {
      // not JSON after all: the stream refuses it; whatever was read so far is the key
    }
    return flow(exporter, importer, category, hasPublishedAt, published);
  }

  private static FigureFlow flow(
      String exporter, String importer, String category, boolean hasPublished, String published) {
    String trimmedCategory = category.strip();
    String key =
        exporter.strip()
            + "-"
            + importer.strip()
            + "-"
            + (trimmedCategory.isEmpty() ? DEFAULT_CATEGORY : trimmedCategory);
    return new FigureFlow(key, hasPublished, instantOrNull(published));
  }

  /** The text of a scalar value; objects and arrays are skipped and leave {@code current}. */
  private static String scalar(JsonParser parser, JsonToken value, String current)
      throws IOException {
    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
      parser.skipChildren();
      return current;
    }
    return value == JsonToken.VALUE_NULL ? "" : parser.getText();
  }

  /** As the stream reads publishedAt: an ISO-8601 date-time with offset. */
  private static Instant instantOrNull(String text) {
    if (text == null) {
      return null;
    }
    try {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
