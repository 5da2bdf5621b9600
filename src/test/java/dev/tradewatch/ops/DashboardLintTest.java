package dev.tradewatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard checked the way Grafana's dashboard linter (github.com/grafana/dashboard-linter)
 * checks one, adapted to a provisioned dashboard with two datasources: templated datasources,
 * defined variables, a title, description and unit on every panel, a stable identity and layout,
 * and the schema version of the Grafana image docker-compose.yml runs. The PromQL itself is checked
 * in {@link DashboardPromQlTest}.
 */
class DashboardLintTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path COMPOSE = Path.of("docker", "docker-compose.yml");
  private static final Path DATASOURCES =
      Path.of("grafana", "provisioning", "datasources", "datasources.yml");

  /**
   * The dashboard schemaVersion each Grafana image writes: DASHBOARD_SCHEMA_VERSION in Grafana's
   * public/app/features/dashboard/state/DashboardMigrator.ts at that release's tag. 41 came with
   * the v41 migration (timepicker.time_options removed, grafana/grafana#100135, February 2025,
   * before 11.6.0); 42 only with grafana/grafana#110517 (September 2025, Grafana 12). When the
   * image changes, add its version here and let that Grafana migrate and export the dashboard.
   */
  private static final Map<String, Integer> SCHEMA_VERSION_BY_GRAFANA = Map.of("11.6.1", 41);

  /**
   * Unit ids of Grafana's value formats (packages/grafana-data/src/valueFormats/categories.ts) that
   * this dashboard may use; add one from there when a panel needs it.
   */
  private static final Set<String> UNITS =
      Set.of(
          "none",
          "short",
          "percent",
          "percentunit",
          "currencyUSD",
          "ops",
          "reqps",
          "s",
          "ms",
          "bytes",
          "decbytes",
          "dateTimeAsIso",
          "dtdurations");

  private static final Pattern METRIC =
      Pattern.compile("\\b(?:tradewatch|jvm|kafka|process|system)_\\w+");
  private static final Pattern VARIABLE_UID = Pattern.compile("\\$\\{?(\\w+)}?");

  private static DashboardJson dashboard;

  @BeforeAll
  static void readDashboard() throws IOException {
    dashboard = DashboardJson.read();
  }

  @Test
  void shouldKeepItsUidAndTitle() {
    assertThat(dashboard.root().path("uid").asText()).isEqualTo("tradewatch");
    assertThat(dashboard.root().path("title").asText()).isEqualTo("tradewatch");
  }

  @Test
  void schemaVersionShouldBeWhatTheComposedGrafanaWrites() throws IOException {
    String image =
        YAML.readTree(COMPOSE.toFile()).path("services").path("grafana").path("image").asText();
    assertThat(image).startsWith("grafana/grafana:");
    String version = image.substring("grafana/grafana:".length());

    assertThat(SCHEMA_VERSION_BY_GRAFANA)
        .as("the dashboard schema version of Grafana %s (see SCHEMA_VERSION_BY_GRAFANA)", version)
        .containsKey(version);
    assertThat(dashboard.root().path("schemaVersion").asInt())
        .isEqualTo(SCHEMA_VERSION_BY_GRAFANA.get(version));
  }

  /**
   * No uid of a datasource is written into a panel, a query or a variable: each refers to a
   * datasource variable, so that a copy imported by hand into a Grafana whose datasources have
   * other uids still works (the linter's panel-datasource-rule, applied to every reference).
   */
  @Test
  void shouldReferToDatasourcesOnlyThroughVariables() {
    Map<String, String> variables = dashboard.datasourceVariables();
    List<String> checked = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    DashboardJson.forEachObject(
        dashboard.root(),
        "",
        (path, node) -> {
          if (!node.has("datasource") || node.path("builtIn").asInt() == 1) {
            return; // the built-in annotation query is Grafana's own, uid "-- Grafana --"
          }
          checked.add(path);
          JsonNode datasource = node.get("datasource");
          Matcher uid = VARIABLE_UID.matcher(datasource.path("uid").asText());
          String type = datasource.path("type").asText();
          if (!uid.matches() || !type.equals(variables.get(uid.group(1)))) {
            wrong.add(path + ".datasource = " + datasource);
          }
        });

    assertThat(wrong).as("datasources not given by a variable of their type").isEmpty();
    assertThat(checked).hasSizeGreaterThan(2 * dashboard.dataPanels().size());
  }

  /**
   * Each datasource variable opens on the provisioned datasource of its type, so the provisioned
   * dashboard works without a prompt, and every provisioned datasource has its variable.
   */
  @Test
  void datasourceVariablesShouldOpenOnTheProvisionedDatasources() throws IOException {
    Map<String, String> provisionedUidByType = new HashMap<>();
    YAML.readTree(DATASOURCES.toFile())
        .path("datasources")
        .forEach(d -> provisionedUidByType.put(d.path("type").asText(), d.path("uid").asText()));
    Map<String, String> currentByType = new HashMap<>();
    for (JsonNode variable : dashboard.variables()) {
      if (variable.path("type").asText().equals("datasource")) {
        currentByType.put(
            variable.path("query").asText(), variable.path("current").path("value").asText());
      }
    }

    assertThat(currentByType).isEqualTo(provisionedUidByType);
    assertThat(dashboard.root().has("__inputs")).as("an import prompt (__inputs)").isFalse();
  }

  /**
   * The linter's template-datasource-rule: with more than one datasource variable each is named
   * {@code <type>_datasource} and labelled "<Type> data source". The Infinity plugin's type has
   * dashes, which a variable name cannot (Grafana references only \w names), so it is {@code
   * infinity_datasource}.
   */
  @Test
  void datasourceVariablesShouldBeNamedAfterTheirType() {
    Map<String, String> labels = new HashMap<>();
    dashboard.variables().stream()
        .filter(v -> v.path("type").asText().equals("datasource"))
        .forEach(v -> labels.put(v.path("name").asText(), v.path("label").asText()));

    assertThat(labels)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "prometheus_datasource", "Prometheus data source",
                "infinity_datasource", "Infinity data source"));
  }

  /** The linter's template-on-time-change-reload-rule. */
  @Test
  void queryVariablesShouldRefreshWhenTheTimeRangeChanges() {
    List<JsonNode> queries =
        dashboard.variables().stream()
            .filter(v -> v.path("type").asText().equals("query"))
            .toList();

    assertThat(queries)
        .isNotEmpty()
        .allSatisfy(
            v -> assertThat(v.path("refresh").asInt()).as(v.path("name").asText()).isEqualTo(2));
  }

  @Test
  void everyVariableUsedShouldBeDefined() {
    Set<String> defined = new HashSet<>(DashboardJson.GLOBAL_SAMPLES.keySet());
    dashboard.variables().forEach(v -> defined.add(v.path("name").asText()));
    List<String> undefined = new ArrayList<>();
    DashboardJson.forEachString(
        dashboard.root(),
        "",
        (path, text) -> {
          for (String name : DashboardJson.references(text)) {
            if (!defined.contains(name)) {
              undefined.add(path + ": $" + name);
            }
          }
        });

    assertThat(defined).contains("exporter", "importer");
    assertThat(undefined).isEmpty();
  }

  @Test
  void panelIdsShouldBeUnique() {
    List<Integer> ids = dashboard.panels().stream().map(p -> p.path("id").asInt(-1)).toList();

    assertThat(ids).doesNotContain(-1).doesNotHaveDuplicates();
  }

  /**
   * Every panel has a place on the 24-column grid, and no two share one. The panels of a collapsed
   * row are placed as they will be when it opens, so they are compared among themselves.
   */
  @Test
  void panelsShouldHaveGridPositionsThatDoNotOverlap() {
    List<List<JsonNode>> layers = new ArrayList<>();
    List<JsonNode> top = new ArrayList<>();
    dashboard.root().path("panels").forEach(top::add);
    layers.add(top);
    for (JsonNode panel : top) {
      List<JsonNode> inRow = new ArrayList<>();
      panel.path("panels").forEach(inRow::add);
      layers.add(inRow);
    }
    List<String> problems = new ArrayList<>();
    for (List<JsonNode> panels : layers) {
      for (int i = 0; i < panels.size(); i++) {
        JsonNode grid = panels.get(i).path("gridPos");
        if (!onTheGrid(grid)) {
          problems.add(title(panels.get(i)) + " has no valid gridPos: " + grid);
        }
        for (int j = 0; j < i; j++) {
          if (overlap(grid, panels.get(j).path("gridPos"))) {
            problems.add(title(panels.get(i)) + " overlaps " + title(panels.get(j)));
          }
        }
      }
    }

    assertThat(top).isNotEmpty();
    assertThat(problems).isEmpty();
  }

  /** The linter's panel-title-description-rule, for every panel but rows. */
  @Test
  void everyPanelShouldHaveATitleAndADescription() {
    List<JsonNode> panels =
        dashboard.panels().stream().filter(p -> !p.path("type").asText().equals("row")).toList();
    List<String> without =
        panels.stream()
            .filter(
                p -> p.path("title").asText().isBlank() || p.path("description").asText().isBlank())
            .map(DashboardLintTest::title)
            .toList();

    assertThat(panels).isNotEmpty();
    assertThat(without).as("panels without a title or a description").isEmpty();
  }

  /**
   * A description names what its panel reads, so that it can be checked against the queries: the
   * metrics of a Prometheus panel, the API path of an Infinity panel.
   */
  @Test
  void everyDescriptionShouldNameWhatItsQueriesRead() {
    List<String> missing = new ArrayList<>();
    for (JsonNode panel : dashboard.dataPanels()) {
      String description = panel.path("description").asText();
      for (JsonNode target : panel.path("targets")) {
        Set<String> read = new HashSet<>();
        Matcher metric = METRIC.matcher(target.path("expr").asText());
        while (metric.find()) {
          read.add(metric.group().replaceFirst("_(bucket|count|sum)$", ""));
        }
        if (target.has("url")) {
          read.add(target.get("url").asText().replaceFirst("\\?.*", ""));
        }
        read.stream()
            .filter(name -> !description.contains(name))
            .forEach(name -> missing.add(title(panel) + " does not name " + name));
      }
    }

    assertThat(missing).isEmpty();
  }

  /**
   * The linter's panel-units-rule, for every panel with queries: a known unit, in the defaults or
   * an override; and every number column of an Infinity table has one.
   */
  @Test
  void everyDataPanelShouldHaveAKnownUnit() {
    List<String> problems = new ArrayList<>();
    for (JsonNode panel : dashboard.dataPanels()) {
      Map<String, String> units = units(panel);
      if (units.isEmpty() || !UNITS.containsAll(units.values())) {
        problems.add(title(panel) + " has units " + units);
      }
      for (JsonNode target : panel.path("targets")) {
        for (JsonNode column : target.path("columns")) {
          String name = column.path("text").asText();
          if (column.path("type").asText().equals("number")
              && !units.containsKey(name)
              && !units.containsKey("")) {
            problems.add(title(panel) + " column " + name + " has no unit");
          }
        }
      }
    }

    assertThat(problems).isEmpty();
  }

  /** The panel's units: "" for its defaults, else the field name of an override by name. */
  private static Map<String, String> units(JsonNode panel) {
    Map<String, String> units = new HashMap<>();
    JsonNode config = panel.path("fieldConfig");
    if (config.path("defaults").hasNonNull("unit")) {
      units.put("", config.path("defaults").get("unit").asText());
    }
    for (JsonNode override : config.path("overrides")) {
      for (JsonNode property : override.path("properties")) {
        if (property.path("id").asText().equals("unit")) {
          units.put(
              override.path("matcher").path("options").asText(), property.get("value").asText());
        }
      }
    }
    return units;
  }

  private static boolean onTheGrid(JsonNode grid) {
    return grid.path("x").isInt()
        && grid.path("y").isInt()
        && grid.path("w").asInt() >= 1
        && grid.path("h").asInt() >= 1
        && grid.path("x").asInt() >= 0
        && grid.path("y").asInt() >= 0
        && grid.path("x").asInt() + grid.path("w").asInt() <= 24;
  }

  private static boolean overlap(JsonNode a, JsonNode b) {
    return a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
        && b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
        && a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
        && b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
  }

  private static String title(JsonNode panel) {
    return "panel " + panel.path("id").asText() + " \"" + panel.path("title").asText() + "\"";
  }
}
