package dev.tradewatch.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tradewatch.domain.figures.FigureInput;
import dev.tradewatch.domain.figures.FigureValidator;
import dev.tradewatch.domain.figures.RejectReason;
import dev.tradewatch.domain.figures.Validation;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Turns a record value into a validated figure or a rejection: size cap, strict UTF-8, one JSON
 * object, field types; then the domain's {@link FigureValidator} for meaning. Never throws on
 * input.
 */
public final class FigureParser {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(
              JsonReadFeature
                  .ALLOW_NON_NUMERIC_NUMBERS) // so NaN is refused as a value, not as syntax
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();
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
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(value))
              .toString();
    } catch (CharacterCodingException e) {
      return Validation.rejected(RejectReason.BAD_ENCODING, "", "not valid UTF-8");
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return Validation.rejected(RejectReason.NOT_JSON, "", firstLine(e.getOriginalMessage()));
    }
    if (node == null || !node.isObject()) {
      return Validation.rejected(RejectReason.NOT_AN_OBJECT, "", "expected a JSON object");
    }
    return toInput(node, fallbackPublishedAt);
  }

  private Validation toInput(JsonNode node, Instant fallbackPublishedAt) {
    for (String field : TEXT_FIELDS) {
      JsonNode child = node.get(field);
      if (child != null && !child.isNull() && !child.isTextual()) {
        return Validation.rejected(
            RejectReason.WRONG_TYPE,
            field,
            "expected a string, found " + child.getNodeType().name().toLowerCase(Locale.ROOT));
      }
    }
    JsonNode value = node.get("valueUsd");
    BigDecimal valueUsd = null;
    if (value != null && !value.isNull()) {
      if (!value.isNumber()) {
        return Validation.rejected(
            RejectReason.WRONG_TYPE,
            "valueUsd",
            "expected a number, found " + value.getNodeType().name().toLowerCase(Locale.ROOT));
      }
      if (value.isFloatingPointNumber()
          && !value.isBigDecimal()
          && !Double.isFinite(value.doubleValue())) {
        return Validation.rejected(
            RejectReason.BAD_VALUE,
            "valueUsd",
            "expected a finite number, found " + value.asText());
      }
      valueUsd = value.decimalValue();
    }
    FigureInput input =
        new FigureInput(
            text(node, "exporter"),
            text(node, "importer"),
            text(node, "period"),
            text(node, "basis"),
            valueUsd,
            text(node, "category"),
            text(node, "reporter"),
            text(node, "source"),
            text(node, "publishedAt"));
    return validator.validate(input, fallbackPublishedAt);
  }

  private static String text(JsonNode node, String field) {
    JsonNode child = node.get(field);
    return child == null || child.isNull() ? null : child.textValue();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed JSON";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
