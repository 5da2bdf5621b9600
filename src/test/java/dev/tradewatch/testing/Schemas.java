package dev.tradewatch.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.stream.AlertJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The published JSON Schemas ({@code src/main/resources/schema}), for tests to hold what they read
 * against: every alert a test sees passes through {@link #alert(byte[])}.
 */
public final class Schemas {

  /**
   * Reads numbers exactly: the figure schema's bounds (9999999999999.995) are decimals no double
   * holds, and the validator compares what it is given.
   */
  public static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  // format is only an annotation in 2020-12 unless asked: the alert's instants
                  // count
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  private static final JsonNode FIGURE_NODE = read("/schema/figure.json");
  private static final JsonNode ALERT_NODE = read("/schema/alert.json");
  private static final Schema FIGURE = REGISTRY.getSchema(FIGURE_NODE);
  private static final Schema ALERT = REGISTRY.getSchema(ALERT_NODE);

  private Schemas() {}

  /** The figure schema as a tree, for tests that read what it says. */
  public static JsonNode figureSchema() {
    return FIGURE_NODE.deepCopy();
  }

  /** The alert schema as a tree. */
  public static JsonNode alertSchema() {
    return ALERT_NODE.deepCopy();
  }

  /** Whether the figure schema accepts {@code figure} (quicker than asking why not). */
  public static boolean figureAccepts(JsonNode figure) {
    return FIGURE.validate(figure, OutputFormat.BOOLEAN);
  }

  /** What the figure schema finds wrong with {@code figure}; empty when it accepts it. */
  public static List<String> figureErrors(JsonNode figure) {
    return messages(FIGURE.validate(figure));
  }

  /** What the alert schema finds wrong with {@code alert}; empty when it accepts it. */
  public static List<String> alertErrors(JsonNode alert) {
    return messages(ALERT.validate(alert));
  }

  /** What the draft 2020-12 meta-schema finds wrong with {@code schema}. */
  public static List<String> metaSchemaErrors(JsonNode schema) {
    Schema meta =
        REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
    return messages(meta.validate(schema));
  }

  /**
   * The alert in {@code json} (as written to the alert topic), after checking it against the alert
   * schema.
   *
   * @throws AssertionError naming the validator's findings when the schema refuses it
   */
  public static Alert alert(byte[] json) {
    List<String> errors = alertErrors(tree(json));
    if (!errors.isEmpty()) {
      throw new AssertionError(
          "alert does not match schema/alert.json: "
              + errors
              + "\n  "
              + new String(json, StandardCharsets.UTF_8));
    }
    return AlertJson.fromBytes(json);
  }

  /** The alert topic's deserializer, checking every alert against the schema first. */
  public static Deserializer<Alert> checkedAlerts() {
    return (topic, bytes) -> bytes == null ? null : alert(bytes);
  }

  public static JsonNode tree(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> messages(List<Error> errors) {
    return errors.stream().map(Error::toString).toList();
  }

  private static JsonNode read(String resource) {
    try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
