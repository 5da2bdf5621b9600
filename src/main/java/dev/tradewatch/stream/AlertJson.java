package dev.tradewatch.stream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.figures.Usd;
import dev.tradewatch.domain.rules.Rules;
import dev.tradewatch.domain.rules.Severity;
import dev.tradewatch.domain.series.Evidence;
import dev.tradewatch.domain.series.Provenance;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The alert JSON of docs/contract.md ("Output alert"), both ways: the alert topic's serde and a
 * reader for tools. The one writer of alerts: the topic, the API and {@code backtest --output} all
 * write through {@link #toNode}/{@link #toBytes}, so the same alert is the same bytes everywhere,
 * even after it has been read back from JSON.
 */
public final class AlertJson implements Serde<Alert> {

  /** Decimals of {@code ratio} on the wire (the contract's "three decimals"). */
  private static final int RATIO_SCALE = 3;

  // floats read as BigDecimal: a double would round large dollar amounts
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  /** Reads numbers into a tree as written: 8.400 stays 8.400, 36000000 is not 3.6E+7. */
  private static final ObjectReader TREE_READER =
      JSON.readerFor(ObjectNode.class).without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  @Override
  public Serializer<Alert> serializer() {
    return (topic, alert) -> alert == null ? null : toBytes(alert);
  }

  @Override
  public Deserializer<Alert> deserializer() {
    return (topic, bytes) -> bytes == null ? null : fromBytes(bytes);
  }

  /**
   * Writes {@code alert} as one JSON object: the one writer, for the topic and JSON lines directly
   * and for the API through {@link #toNode}. Streamed, not built as a tree first: every alert
   * change goes through it, with up to {@link Alert#MAX_EVIDENCE} evidence entries.
   */
  private static void write(JsonGenerator json, Alert alert) throws IOException {
    json.writeStartObject();
    json.writeStringField("alertId", alert.alertId());
    json.writeStringField("rule", alert.rule().name());
    json.writeStringField("status", alert.status().name());
    json.writeStringField("severity", alert.severity().wireName());
    boolean source = alert.series().isSource(); // an alert about a source has no pair, no numbers
    json.writeStringField("exporter", source ? null : alert.series().exporter());
    json.writeStringField("importer", source ? null : alert.series().importer());
    json.writeStringField("category", alert.series().category());
    json.writeStringField("reporter", alert.series().reporter());
    json.writeStringField("period", IsoText.period(alert.period()));
    writeNumberField(json, "observedUsd", source ? null : Usd.toDollars(alert.observedCents()));
    writeNumberField(json, "baselineUsd", source ? null : Usd.toDollars(alert.baselineCents()));
    writeNumberField(json, "ratio", ratio(alert.ratio()));
    json.writeStringField("message", alert.message());
    json.writeStringField("detectedAt", IsoText.instant(alert.detectedAt()));
    json.writeNumberField("version", alert.version());
    json.writeStringField("asOf", text(alert.asOf()));
    json.writeStringField("firstFiredAsOf", text(alert.firstFiredAsOf()));
    json.writeStringField("method", alert.method());
    json.writeArrayFieldStart("evidence");
    for (Evidence entry : alert.evidence()) {
      json.writeStartObject();
      json.writeStringField("period", IsoText.period(entry.period()));
      json.writeStringField("basis", entry.basis().wireName());
      json.writeNumberField("valueUsd", Usd.toDollars(entry.valueCents()));
      json.writeStringField("known", entry.known().wireName());
      // evidence names its reporter only when a rule compares two series
      json.writeStringField(
          "reporter", entry.reporter() == null ? alert.series().reporter() : entry.reporter());
      json.writeStringField("source", entry.source());
      json.writeStringField("publishedAt", IsoText.instant(entry.publishedAt()));
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeNumberField(JsonGenerator json, String name, BigDecimal value)
      throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, value);
    }
  }

  /** The alert as a JSON tree, for documents that hold alerts (the API's answers). */
  public static ObjectNode toNode(Alert alert) {
    try (TokenBuffer tokens = new TokenBuffer(JSON, false)) {
      write(tokens, alert);
      return TREE_READER.readValue(tokens.asParser(JSON));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Instant instant) {
    return instant == null ? null : IsoText.instant(instant);
  }

  public static byte[] toBytes(Alert alert) {
    ByteArrayBuilder bytes = new ByteArrayBuilder(1024);
    try (JsonGenerator json = JSON.getFactory().createGenerator(bytes)) {
      write(json, alert);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static String toJson(Alert alert) {
    return new String(toBytes(alert), StandardCharsets.UTF_8);
  }

  /** Alerts as JSON lines, one per alert in the given order (the format of backtest --output). */
  public static void writeLines(Iterable<Alert> alerts, OutputStream out) throws IOException {
    for (Alert alert : alerts) {
      out.write(toBytes(alert));
      out.write('\n');
    }
  }

  /**
   * Always three decimals: 8.4 read back from JSON (which drops trailing zeros) is written as 8.400
   * again.
   */
  private static BigDecimal ratio(BigDecimal ratio) {
    return ratio == null ? null : ratio.setScale(RATIO_SCALE, RoundingMode.HALF_EVEN);
  }

  public static Alert fromBytes(byte[] bytes) {
    try {
      return fromNode(JSON.readTree(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An alert from its JSON (as {@link #toNode} writes it). */
  public static Alert fromNode(JsonNode node) {
    boolean source = node.path("exporter").isNull();
    SeriesKey series =
        source
            ? SeriesKey.source(node.get("reporter").asText(), node.get("category").asText())
            : new SeriesKey(
                node.get("exporter").asText(),
                node.get("importer").asText(),
                node.get("category").asText(),
                node.get("reporter").asText());
    JsonNode ratio = node.get("ratio");
    return new Alert(
        series,
        Rules.named(node.get("rule").asText()),
        YearMonth.parse(node.get("period").asText()),
        AlertStatus.valueOf(node.get("status").asText()),
        Severity.fromWireName(node.get("severity").asText()),
        source ? 0 : Usd.toCents(node.get("observedUsd").decimalValue()),
        source ? 0 : Usd.toCents(node.get("baselineUsd").decimalValue()),
        ratio == null || ratio.isNull() ? null : ratio.decimalValue(),
        Instant.parse(node.get("detectedAt").asText()),
        node.get("version").asInt(),
        instant(node.get("asOf")),
        instant(node.get("firstFiredAsOf")),
        evidence(node.get("evidence"), series.reporter()),
        node.hasNonNull("method") ? node.get("method").asText() : null);
  }

  /** Absent in alerts written before evidence was kept. */
  private static Instant instant(JsonNode node) {
    return node == null || node.isNull() ? null : Instant.parse(node.asText());
  }

  /** The evidence of an alert of {@code ownReporter}'s series, as {@link #toNode} wrote it. */
  private static List<Evidence> evidence(JsonNode array, String ownReporter) {
    List<Evidence> evidence = new ArrayList<>();
    if (array == null) {
      return evidence;
    }
    for (JsonNode item : array) {
      JsonNode source = item.get("source");
      JsonNode reporter = item.get("reporter");
      String named = reporter == null || reporter.isNull() ? null : reporter.asText();
      evidence.add(
          new Evidence(
              YearMonth.parse(item.get("period").asText()),
              Basis.fromWireName(item.get("basis").asText()).orElseThrow(),
              Usd.toCents(item.get("valueUsd").decimalValue()),
              Provenance.fromWireName(item.get("known").asText()).orElseThrow(),
              source == null || source.isNull() ? null : source.asText(),
              Instant.parse(item.get("publishedAt").asText()),
              ownReporter.equals(named) ? null : named));
    }
    return evidence;
  }
}
