package dev.tradewatch.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * grafana/dashboards/tradewatch.json as Grafana reads it: its panels (those inside rows included),
 * their queries, its template variables and what a variable reference is.
 */
final class DashboardJson {

  static final Path FILE = Path.of("grafana", "dashboards", "tradewatch.json");

  /**
   * The ways Grafana lets a text refer to a variable: {@code $name}, {@code ${name}}, {@code
   * ${name:format}}, {@code ${name.field}}, {@code [[name]]} and {@code [[name:format]]}. A name
   * after a bare {@code $} must start with a letter or underscore here, so that money in prose
   * ({@code $36.0M}) is not taken for a variable.
   */
  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\{(\\w+)(?:[.:][^}]*)?}|\\[\\[(\\w+)(?::\\w+)?]]|\\$([A-Za-z_]\\w*)");

  /**
   * Grafana's global variables, each with a sample value of the right shape for a query
   * ($__rate_interval and $__interval as the 1m a 15 s scrape gives).
   */
  static final Map<String, String> GLOBAL_SAMPLES =
      Map.ofEntries(
          Map.entry("__rate_interval", "1m"),
          Map.entry("__interval", "1m"),
          Map.entry("__interval_ms", "60000"),
          Map.entry("__range", "1h"),
          Map.entry("__range_s", "3600"),
          Map.entry("__range_ms", "3600000"),
          Map.entry("__auto", "1m"),
          Map.entry("__from", "1600000000000"),
          Map.entry("__to", "1600003600000"),
          Map.entry("__dashboard", "tradewatch"),
          Map.entry("__name", "name"),
          Map.entry("__org", "1"),
          Map.entry("__user", "admin"),
          Map.entry("__all", "all"),
          Map.entry("timeFilter", "time > now() - 1h"),
          Map.entry("__timeFilter", "time > now() - 1h"));

  private final JsonNode root;

  private DashboardJson(JsonNode root) {
    this.root = root;
  }

  static DashboardJson read() throws IOException {
    return new DashboardJson(new ObjectMapper().readTree(FILE.toFile()));
  }

  JsonNode root() {
    return root;
  }

  /** Every panel, those inside rows included, rows themselves too. */
  List<JsonNode> panels() {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : root.path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  /** The panels that show data from a datasource: neither rows nor text. */
  List<JsonNode> dataPanels() {
    return panels().stream().filter(panel -> panel.has("targets")).toList();
  }

  List<JsonNode> variables() {
    List<JsonNode> variables = new ArrayList<>();
    root.path("templating").path("list").forEach(variables::add);
    return variables;
  }

  /** The datasource variables by name, each with the datasource type it offers. */
  Map<String, String> datasourceVariables() {
    Map<String, String> types = new HashMap<>();
    for (JsonNode variable : variables()) {
      if (variable.path("type").asText().equals("datasource")) {
        types.put(variable.path("name").asText(), variable.path("query").asText());
      }
    }
    return types;
  }

  /** The value each variable (and each global) stands for when the dashboard opens. */
  Map<String, String> sampleValues() {
    Map<String, String> values = new HashMap<>(GLOBAL_SAMPLES);
    for (JsonNode variable : variables()) {
      JsonNode current = variable.path("current").path("value");
      String value = current.isArray() ? current.path(0).asText() : current.asText();
      if (value.isEmpty()) { // custom, constant and textbox variables keep theirs in query
        value = variable.path("query").asText().split(",")[0].trim();
      }
      values.put(variable.path("name").asText(), value);
    }
    return values;
  }

  /** The Prometheus expressions of every panel, keyed by where they are ("panel 5 A"). */
  Map<String, String> prometheusQueries() {
    Map<String, String> queries = new LinkedHashMap<>();
    forEachTarget(
        "prometheus",
        (panel, target) ->
            queries.put(
                "panel " + panel.path("id").asText() + " " + target.path("refId").asText(),
                target.path("expr").asText()));
    return queries;
  }

  /**
   * Calls {@code action} with each target whose datasource (its own, else its panel's) is of {@code
   * type}.
   */
  void forEachTarget(String type, BiConsumer<JsonNode, JsonNode> action) {
    for (JsonNode panel : dataPanels()) {
      for (JsonNode target : panel.path("targets")) {
        JsonNode datasource =
            target.has("datasource") ? target.get("datasource") : panel.path("datasource");
        if (datasource.path("type").asText().equals(type)) {
          action.accept(panel, target);
        }
      }
    }
  }

  /** The names of the variables {@code text} refers to. */
  static Set<String> references(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = REFERENCE.matcher(text);
    while (matcher.find()) {
      for (int group = 1; group <= 3; group++) {
        if (matcher.group(group) != null) {
          names.add(matcher.group(group));
        }
      }
    }
    return names;
  }

  /** {@code text} with each reference to a variable in {@code values} replaced by its value. */
  static String substitute(String text, Map<String, String> values) {
    Matcher matcher = REFERENCE.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String name =
          matcher.group(1) != null
              ? matcher.group(1)
              : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
      String value = values.getOrDefault(name, matcher.group());
      matcher.appendReplacement(result, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  /** Calls {@code action} with the JSON path of every object in {@code node} and the object. */
  static void forEachObject(JsonNode node, String path, BiConsumer<String, JsonNode> action) {
    if (node.isObject()) {
      action.accept(path, node);
      node.properties().forEach(e -> forEachObject(e.getValue(), path + "." + e.getKey(), action));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        forEachObject(node.get(i), path + "[" + i + "]", action);
      }
    }
  }

  /** Calls {@code action} with the JSON path and value of every string in {@code node}. */
  static void forEachString(JsonNode node, String path, BiConsumer<String, String> action) {
    if (node.isTextual()) {
      action.accept(path, node.asText());
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        forEachString(node.get(i), path + "[" + i + "]", action);
      }
    } else if (node.isObject()) {
      node.properties().forEach(e -> forEachString(e.getValue(), path + "." + e.getKey(), action));
    }
  }
}
