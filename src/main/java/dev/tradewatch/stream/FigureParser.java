package dev.tradewatch.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.tradewatch.domain.figures.FigureInput;
import dev.tradewatch.domain.figures.FigureValidator;
import dev.tradewatch.domain.figures.RejectReason;
import dev.tradewatch.domain.figures.Validation;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a record value into a validated figure or a rejection: size cap, strict UTF-8, one JSON
 * object, field types; then the domain's {@link FigureValidator} for meaning. Never throws on
 * input. It reads the bytes with Jackson's streaming parser — no tree, no string copy of the record
 * — keeping only the fields a figure has; other fields are skipped (but still checked as JSON).
 */
public final class FigureParser {

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // so NaN is refused as a value
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  /** The text fields, in the order their types are checked; valueUsd comes after them. */
  private static final List<String> TEXT_FIELDS =
      List.of(
          "exporter",
          "importer",
          "period",
          "basis",
          "category",
          "reporter",
          "source",
          "publishedAt");

  private static final int VALUE_USD = TEXT_FIELDS.size();

  /** Each field's slot in {@link Fields}: one hash lookup per field name. */
  private static final Map<String, Integer> SLOTS = slots();

  private static Map<String, Integer> slots() {
    Map<String, Integer> slots = new HashMap<>();
    for (int slot = 0; slot < TEXT_FIELDS.size(); slot++) {
      slots.put(TEXT_FIELDS.get(slot), slot);
    }
    slots.put("valueUsd", VALUE_USD);
    return Map.copyOf(slots);
  }

  private final FigureValidator validator;
  private final int maxRecordBytes;

  public FigureParser(FigureValidator validator, int maxRecordBytes) {
    this.validator = validator;
    this.maxRecordBytes = maxRecordBytes;
  }

  public Validation parse(byte[] value, Instant fallbackPublishedAt) {
    if (value == null || value.length == 0) {
      return Validation.rejected(RejectReason.NOT_JSON, "", "empty record value");
    }
    if (value.length > maxRecordBytes) {
      return Validation.rejected(
          RejectReason.OVERSIZED,
          "",
          value.length + " bytes, more than the " + maxRecordBytes + " allowed");
    }
    if (!isUtf8(value)) {
      return Validation.rejected(RejectReason.BAD_ENCODING, "", "not valid UTF-8");
    }
    if (hasNul(value)) {
      // JSON text never has one; and Jackson would read zero bytes up front as UTF-16 or UTF-32
      return Validation.rejected(RejectReason.NOT_JSON, "", "a NUL byte: not JSON text in UTF-8");
    }
    Fields fields = new Fields();
    try (JsonParser parser = JSON.createParser(value)) {
      boolean object = parser.nextToken() == JsonToken.START_OBJECT;
      if (object) {
        fields.read(parser);
      } else {
        parser.skipChildren();
      }
      if (parser.nextToken() != null) {
        return Validation.rejected(
            RejectReason.NOT_JSON, "", "trailing content after the JSON value");
      }
      if (!object) {
        return Validation.rejected(RejectReason.NOT_AN_OBJECT, "", "expected a JSON object");
      }
    } catch (JsonProcessingException e) {
      return Validation.rejected(RejectReason.NOT_JSON, "", firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      return Validation.rejected(RejectReason.NOT_JSON, "", firstLine(e.getMessage()));
    }
    return toInput(fields, fallbackPublishedAt);
  }

  /** Most records are ASCII, valid as they are; others go through a strict decoder. */
  private static boolean isUtf8(byte[] value) {
    for (byte b : value) {
      if (b < 0) {
        try {
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(value));
          return true;
        } catch (CharacterCodingException e) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean hasNul(byte[] value) {
    for (byte b : value) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  private Validation toInput(Fields fields, Instant fallbackPublishedAt) {
    for (int slot = 0; slot < TEXT_FIELDS.size(); slot++) {
      JsonToken token = fields.tokens[slot];
      if (token != null && token != JsonToken.VALUE_NULL && token != JsonToken.VALUE_STRING) {
        return Validation.rejected(
            RejectReason.WRONG_TYPE,
            TEXT_FIELDS.get(slot),
            "expected a string, found " + typeOf(token));
      }
    }
    JsonToken value = fields.tokens[VALUE_USD];
    if (value != null && value != JsonToken.VALUE_NULL) {
      if (!value.isNumeric()) {
        return Validation.rejected(
            RejectReason.WRONG_TYPE, "valueUsd", "expected a number, found " + typeOf(value));
      }
      if (fields.nonFinite != null) {
        return Validation.rejected(
            RejectReason.BAD_VALUE,
            "valueUsd",
            "expected a finite number, found " + fields.nonFinite);
      }
      if (fields.tooLarge != null) {
        return Validation.rejected(
            RejectReason.BAD_VALUE,
            "valueUsd",
            "expected 0 ≤ value < 10^13 after rounding to the cent, found " + fields.tooLarge);
      }
    }
    FigureInput input =
        new FigureInput(
            fields.texts[0],
            fields.texts[1],
            fields.texts[2],
            fields.texts[3],
            fields.valueUsd,
            fields.texts[4],
            fields.texts[5],
            fields.texts[6],
            fields.texts[7]);
    return validator.validate(input, fallbackPublishedAt);
  }

  /** The JSON type a token starts, as a rejection names it. */
  private static String typeOf(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "object";
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      default -> "null";
    };
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed JSON";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** The figure's fields as read: each one's first token, and the value where it is one. */
  private static final class Fields {
    final JsonToken[] tokens = new JsonToken[VALUE_USD + 1];
    final String[] texts = new String[VALUE_USD];
    BigDecimal valueUsd;
    String nonFinite; // NaN or an infinity, as Java writes it
    String tooLarge; // a number whose exponent is beyond BigDecimal's, as written

    void read(JsonParser parser) throws IOException {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        int slot = slotOf(parser.currentName());
        JsonToken token = parser.nextToken();
        if (slot >= 0) {
          tokens[slot] = token;
          if (slot < VALUE_USD && token == JsonToken.VALUE_STRING) {
            texts[slot] = parser.getText();
          } else if (slot == VALUE_USD && token.isNumeric()) {
            number(parser);
          }
        }
        parser.skipChildren(); // an object or array: checked as JSON, not kept
      }
    }

    private void number(JsonParser parser) throws IOException {
      if (parser.isNaN()) {
        nonFinite = Double.toString(parser.getDoubleValue());
      } else {
        try {
          valueUsd = parser.getDecimalValue(); // exact: a double would round large amounts
        } catch (NumberFormatException e) {
          beyondBigDecimal(parser.getText());
        }
      }
    }

    /**
     * A number such as {@code 1e9999999999}, whose exponent does not fit an int: with a negative
     * exponent (or no digit but 0) it rounds to 0 cents, otherwise it is far beyond any amount.
     */
    private void beyondBigDecimal(String text) {
      int exponent = Math.max(text.indexOf('e'), text.indexOf('E'));
      boolean tiny =
          exponent > 0
              && (text.charAt(exponent + 1) == '-'
                  || text.substring(0, exponent).chars().noneMatch(c -> c >= '1' && c <= '9'));
      if (tiny) {
        valueUsd = BigDecimal.ZERO;
      } else {
        tooLarge = text.length() > 40 ? text.substring(0, 40) + "…" : text;
      }
    }

    private static int slotOf(String name) {
      return SLOTS.getOrDefault(name, -1);
    }
  }
}
