package dev.tradewatch.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * One trade alert as Alertmanager's v2 API takes it ({@code POST /api/v2/alerts}), built from the
 * alert topic's JSON so that what Alertmanager shows is exactly what downstream consumers read.
 */
final class AlertmanagerAlert {

  static final String ALERT_NAME = "TradeAnomaly";

  /** Alert fields that become labels, in this order; a null or empty field has no label. */
  static final List<String> LABELS =
      List.of(
          "rule", "severity", "exporter", "importer", "category", "reporter", "period", "alertId");

  private AlertmanagerAlert() {}

  /**
   * {@code alert} (the topic's JSON) as an Alertmanager alert that is active from {@code startsAt}
   * until {@code endsAt}: a future {@code endsAt} keeps it firing until then, a past one ends it.
   * {@code generatorBase} (e.g. {@code http://tradewatch:8080}) links back to tradewatch's API;
   * null for no link.
   */
  static ObjectNode of(JsonNode alert, Instant startsAt, Instant endsAt, String generatorBase) {
    ObjectNode posted = JsonNodeFactory.instance.objectNode();
    posted.set("labels", labels(alert));
    ObjectNode annotations = posted.putObject("annotations");
    annotate(annotations, "summary", alert.path("message"));
    annotate(annotations, "method", alert.path("method"));
    annotate(annotations, "asOf", alert.path("asOf"));
    posted.put("startsAt", startsAt.toString());
    posted.put("endsAt", endsAt.toString());
    if (generatorBase != null) {
      posted.put("generatorURL", generatorBase + "/api/alerts" + query(alert));
    }
    return posted;
  }

  /** The label set Alertmanager identifies {@code alert} by. */
  static ObjectNode labels(JsonNode alert) {
    ObjectNode labels = JsonNodeFactory.instance.objectNode();
    labels.put("alertname", ALERT_NAME);
    for (String field : LABELS) {
      String value = alert.path(field).asText("");
      if (!value.isEmpty()) {
        labels.put(field, value);
      }
    }
    return labels;
  }

  private static void annotate(ObjectNode annotations, String name, JsonNode value) {
    if (value.isTextual() && !value.asText().isEmpty()) {
      annotations.put(name, value.asText());
    }
  }

  /** The API query that lists this alert among few others: its flow (or source) and rule. */
  private static String query(JsonNode alert) {
    StringBuilder query = new StringBuilder("?rule=").append(encode(alert.path("rule").asText()));
    for (String field : List.of("exporter", "importer")) {
      if (alert.path(field).isTextual()) {
        query.append('&').append(field).append('=').append(encode(alert.path(field).asText()));
      }
    }
    return query.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
