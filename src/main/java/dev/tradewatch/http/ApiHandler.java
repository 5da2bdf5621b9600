package dev.tradewatch.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.metrics.ReevaluationProgress;
import dev.tradewatch.stream.AlertJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * The HTTP routes next to {@code /metrics}: {@code /health}, the JSON Schemas ({@code /schema/…})
 * and the read-only JSON API over the application's state. Any instance answers for all: unless
 * asked for {@code scope=local}, it adds the answers of the other instances (found through Kafka
 * Streams metadata) to its own.
 */
final class ApiHandler implements HttpHandler {

  // floats read as BigDecimal: other instances' dollar amounts pass through exactly
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final String JSON_TYPE = "application/json; charset=utf-8";

  private volatile StateQueries queries;
  private volatile ReevaluationProgress reevaluation;
  private final SchemaFiles schemas = new SchemaFiles();
  private final HttpSecurity security;
  private final HttpClient client;

  ApiHandler(HttpSecurity security) {
    this.security = security;
    this.client = security.client();
  }

  /**
   * Starts answering for a running monitor; until then every known route with valid parameters
   * answers 503 (/metrics is served elsewhere).
   */
  void attach(StateQueries attached, ReevaluationProgress reevaluation) {
    this.reevaluation = reevaluation;
    this.queries = attached;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      Response response = respond(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery());
      send(exchange, response);
    }
  }

  /** A status and its body, with the body's media type. */
  record Response(int status, String contentType, byte[] body) {

    static Response json(int status, JsonNode body) {
      try {
        return new Response(status, JSON_TYPE, JSON.writeValueAsBytes(body));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The answer to one request; bad requests are answered before any state is read, and the schemas
   * need none.
   */
  Response respond(String method, String path, String rawQuery) {
    if (!"GET".equals(method)) {
      return Response.json(405, error("only GET is supported"));
    }
    if (SchemaFiles.isSchemaPath(path)) {
      return schemas
          .find(path)
          .map(schema -> new Response(200, SchemaFiles.MEDIA_TYPE, schema))
          .orElseGet(() -> Response.json(404, error("no such schema; try " + schemas.paths())));
    }
    ApiRequest request;
    try {
      request = ApiRequest.of(path, rawQuery);
    } catch (ApiException e) {
      return Response.json(e.status(), error(e.getMessage()));
    }
    StateQueries attached = queries;
    if (attached == null) {
      return Response.json(503, JSON.createObjectNode().put("status", "STARTING"));
    }
    try {
      return switch (request.resource()) {
        case HEALTH -> health(attached, reevaluation.snapshot());
        case ALERTS -> Response.json(200, alerts(attached, request));
        case SERIES -> Response.json(200, series(attached, request));
      };
    } catch (InvalidStateStoreException e) {
      return Response.json(
          503, error("state is not queryable yet (" + attached.streamsState() + ")"));
    }
  }

  /**
   * The client's state, and the rules in force with the re-evaluation of stored series after a
   * change (on this instance): a pass under way is not unhealthy, the stream keeps flowing.
   */
  private static Response health(StateQueries attached, ReevaluationProgress.Snapshot rules) {
    KafkaStreams.State state = attached.streamsState();
    ObjectNode body = JSON.createObjectNode().put("status", state.name());
    body.putObject("rules")
        .put("fingerprint", rules.fingerprint())
        .put("reevaluating", rules.reevaluating())
        .put("tasksReevaluating", rules.tasks())
        .put("flowYearsReevaluated", rules.done())
        .put("flowYearsRemaining", rules.remaining());
    return Response.json(state == KafkaStreams.State.RUNNING ? 200 : 503, body);
  }

  private JsonNode alerts(StateQueries attached, ApiRequest request) {
    AlertFilter filter = request.filter();
    List<Alert> alerts = new ArrayList<>();
    attached.forEachLocal(
        state -> state.alerts().stream().filter(filter::matches).forEach(alerts::add));
    if (!request.localOnly()) {
      fromOthers(attached, "/api/alerts", filter.asQuery())
          .forEach(node -> alerts.add(AlertJson.fromNode(node)));
    }
    return newestFirst(alerts, filter.limit());
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

  private JsonNode series(StateQueries attached, ApiRequest request) {
    String exporter = request.exporter();
    String importer = request.importer();
    ArrayNode rows = SeriesRows.of(attached.localPair(exporter, importer));
    if (!request.localOnly()) {
      fromOthers(attached, "/api/series/" + exporter + "/" + importer, Map.of()).forEach(rows::add);
    }
    ObjectNode body = JSON.createObjectNode().put("exporter", exporter).put("importer", importer);
    body.set("rows", rows);
    return body;
  }

  /**
   * What the other instances answer with scope=local (array elements, or the "rows" of an object).
   */
  private List<JsonNode> fromOthers(StateQueries attached, String path, Map<String, String> query) {
    List<JsonNode> nodes = new ArrayList<>();
    Map<String, String> local = new LinkedHashMap<>(query);
    local.put(ApiRequest.SCOPE, ApiRequest.LOCAL);
    for (String instance : attached.otherInstances()) {
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

  private static ObjectNode error(String message) {
    return JSON.createObjectNode().put("error", message);
  }

  private static void send(HttpExchange exchange, Response response) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    exchange.sendResponseHeaders(response.status(), response.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(response.body());
    }
  }
}
