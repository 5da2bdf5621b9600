package dev.tradewatch.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.stream.AlertJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * The HTTP routes next to {@code /metrics}: {@code /health} and the read-only JSON API over the
 * application's state. Any instance answers for all: unless asked for {@code scope=local}, it adds
 * the answers of the other instances (found through Kafka Streams metadata) to its own.
 */
final class ApiHandler implements HttpHandler {

  // floats read as BigDecimal: other instances' dollar amounts pass through exactly
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final Pattern SERIES = Pattern.compile("/api/series/([A-Z]{3})/([A-Z]{3})/?");

  private volatile StateQueries queries;
  private final HttpSecurity security;
  private final HttpClient client;

  ApiHandler(HttpSecurity security) {
    this.security = security;
    this.client = security.client();
  }

  /** Starts answering for a running monitor; until then every route but /metrics answers 503. */
  void attach(StateQueries attached) {
    this.queries = attached;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
      if (queries == null) {
        send(exchange, 503, JSON.createObjectNode().put("status", "STARTING"));
      } else if (!"GET".equals(exchange.getRequestMethod())) {
        send(exchange, 405, error("only GET is supported"));
      } else if (path.equals("/health")) {
        KafkaStreams.State state = queries.streamsState();
        ObjectNode body = JSON.createObjectNode().put("status", state.name());
        send(exchange, state == KafkaStreams.State.RUNNING ? 200 : 503, body);
      } else if (path.equals("/api/alerts") || path.equals("/api/alerts/")) {
        send(exchange, 200, alerts(query));
      } else if (SERIES.matcher(path).matches()) {
        Matcher m = SERIES.matcher(path);
        m.matches();
        send(exchange, 200, series(m.group(1), m.group(2), query));
      } else {
        send(
            exchange,
            404,
            error(
                "no such resource; try /metrics, /health, /api/alerts, /api/series/{exporter}/{importer}"));
      }
    } catch (InvalidStateStoreException e) {
      send(exchange, 503, error("state is not queryable yet (" + queries.streamsState() + ")"));
    }
  }

  private JsonNode alerts(Map<String, String> query) {
    List<Alert> alerts = new ArrayList<>();
    queries.forEachLocal(
        state ->
            state.alerts().stream()
                .filter(alert -> AlertFilter.matches(alert, query))
                .forEach(alerts::add));
    fromOthers("/api/alerts", query).forEach(node -> alerts.add(AlertJson.fromNode(node)));
    return newestFirst(alerts, AlertFilter.limit(query));
  }

  /**
   * At most {@code limit} alerts, newest first, each written by {@link AlertJson} (also those read
   * back from other instances), so the API shows the same bytes as the alert topic.
   */
  static ArrayNode newestFirst(List<Alert> alerts, long limit) {
    ArrayNode array = JSON.createArrayNode();
    alerts.stream()
        .sorted(Comparator.comparing(Alert::detectedAt).reversed().thenComparing(Alert::alertId))
        .limit(limit)
        .forEach(alert -> array.add(AlertJson.toNode(alert)));
    return array;
  }

  private JsonNode series(String exporter, String importer, Map<String, String> query) {
    ArrayNode rows = SeriesRows.of(queries.localPair(exporter, importer));
    fromOthers("/api/series/" + exporter + "/" + importer, query).forEach(rows::add);
    ObjectNode body = JSON.createObjectNode().put("exporter", exporter).put("importer", importer);
    body.set("rows", rows);
    return body;
  }

  /**
   * The elements other instances answer with scope=local (array elements, or the "rows" of an
   * object).
   */
  private List<JsonNode> fromOthers(String path, Map<String, String> query) {
    List<JsonNode> nodes = new ArrayList<>();
    if ("local".equals(query.get("scope"))) {
      return nodes;
    }
    Map<String, String> local = new HashMap<>(query);
    local.put("scope", "local");
    for (String instance : queries.otherInstances()) {
      try {
        HttpRequest request =
            security
                .authorise(
                    HttpRequest.newBuilder(
                            URI.create(
                                security.scheme() + "://" + instance + path + "?" + encode(local)))
                        .timeout(Duration.ofSeconds(5)))
                .build();
        JsonNode answer =
            JSON.readTree(client.send(request, HttpResponse.BodyHandlers.ofByteArray()).body());
        (answer.isArray() ? answer : answer.path("rows")).forEach(nodes::add);
      } catch (IOException e) {
        throw new InvalidStateStoreException(
            "instance " + instance + " did not answer: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InvalidStateStoreException("interrupted while asking " + instance);
      }
    }
    return nodes;
  }

  private static String encode(Map<String, String> query) {
    StringBuilder text = new StringBuilder();
    query.forEach(
        (key, value) ->
            text.append(text.length() == 0 ? "" : "&")
                .append(key)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return text.toString();
  }

  private static Map<String, String> parseQuery(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          query.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return query;
  }

  private static ObjectNode error(String message) {
    return JSON.createObjectNode().put("error", message);
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
