package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.Countries;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Rules;
import dev.tradewatch.domain.rules.Severity;
import dev.tradewatch.domain.series.Provenance;
import dev.tradewatch.testing.Schemas;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The schemas under src/main/resources/schema are what they claim: valid draft 2020-12, each
 * self-contained and described, and listing the same codes and names as the code that reads figures
 * and writes alerts.
 */
class PublishedSchemasTest {

  private static final Map<String, JsonNode> SCHEMAS =
      Map.of("figure.json", Schemas.figureSchema(), "alert.json", Schemas.alertSchema());

  @Test
  void shouldBeSelfContainedDraft202012SchemasWithAnIdATitleAndADescription() {
    SCHEMAS.forEach(
        (name, schema) -> {
          assertThat(Schemas.metaSchemaErrors(schema)).as(name).isEmpty();
          assertThat(schema.get("$schema").asText())
              .isEqualTo("https://json-schema.org/draft/2020-12/schema");
          assertThat(schema.get("$id").asText()).startsWith("https://").endsWith("/schema/" + name);
          assertThat(schema.get("title").asText()).as(name).isNotBlank();
          assertThat(schema.get("description").asText()).as(name).isNotBlank();
          assertThat(references(schema))
              .as(name + ": only references inside it")
              .allMatch(ref -> ref.startsWith("#/"));
        });
  }

  @Test
  void shouldDescribeEveryProperty() {
    SCHEMAS.forEach(
        (name, schema) ->
            assertThat(undescribedProperties(schema, "", new ArrayList<>()))
                .as(name + ": properties without a description")
                .isEmpty());
  }

  @Test
  void shouldListExactlyTheCountryCodesTheParserKnows() {
    TreeSet<String> known = new TreeSet<>(Countries.codes());
    SCHEMAS.forEach(
        (name, schema) ->
            assertThat(new TreeSet<>(texts(schema.at("/$defs/country/enum"))))
                .as(name + " $defs/country/enum (the parser's list, to paste: " + known + ")")
                .isEqualTo(known));
  }

  @Test
  void shouldNameTheRulesStatusesSeveritiesAndBasesTheCodeHas() {
    JsonNode alert = Schemas.alertSchema();

    assertThat(texts(alert.at("/properties/rule/enum")))
        .containsExactlyElementsOf(Rules.ALL.stream().map(Rule::name).toList());
    assertThat(texts(alert.at("/properties/status/enum")))
        .containsExactlyElementsOf(Arrays.stream(AlertStatus.values()).map(Enum::name).toList());
    assertThat(texts(alert.at("/properties/severity/enum")))
        .containsExactlyElementsOf(
            Arrays.stream(Severity.values()).map(Severity::wireName).toList());
    assertThat(texts(alert.at("/properties/evidence/items/properties/known/enum")))
        .containsExactlyElementsOf(
            Arrays.stream(Provenance.values()).map(Provenance::wireName).toList());
    List<String> bases = Arrays.stream(Basis.values()).map(Basis::wireName).toList();
    assertThat(texts(alert.at("/properties/evidence/items/properties/basis/enum")))
        .containsExactlyElementsOf(bases);
    List<String> figureBases = new ArrayList<>(bases);
    figureBases.add(null); // absent or null is month
    assertThat(texts(Schemas.figureSchema().at("/properties/basis/enum")))
        .containsExactlyElementsOf(figureBases);
  }

  @Test
  void shouldGiveEachRuleTheSeverityLadderItHas() {
    Map<String, List<String>> ladders = new HashMap<>();
    for (JsonNode branch : Schemas.alertSchema().get("allOf")) {
      ladders.put(
          branch.at("/if/properties/rule/const").asText(),
          texts(branch.at("/then/properties/severity/enum")));
    }

    assertThat(ladders)
        .isEqualTo(
            Rules.ALL.stream()
                .collect(
                    Collectors.toMap(
                        Rule::name,
                        rule ->
                            rule.severities().stream().sorted().map(Severity::wireName).toList())));
  }

  private static List<String> texts(JsonNode array) {
    assertThat(array.isArray()).as("an array: " + array).isTrue();
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.isNull() ? null : item.asText()));
    return texts;
  }

  private static List<String> references(JsonNode node) {
    List<String> refs = new ArrayList<>();
    if (node.has("$ref")) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> refs.addAll(references(child)));
    return refs;
  }

  /** Paths of the members of every {@code properties} keyword that have no description. */
  private static List<String> undescribedProperties(
      JsonNode node, String path, List<String> found) {
    if (node.isObject()) {
      // the per-rule branches narrow properties described at the top
      JsonNode properties = path.contains("/allOf/") ? null : node.get("properties");
      if (properties != null) {
        for (Map.Entry<String, JsonNode> member : properties.properties()) {
          if (!member.getValue().path("description").isTextual()) {
            found.add(path + "/properties/" + member.getKey());
          }
        }
      }
      for (Map.Entry<String, JsonNode> child : node.properties()) {
        undescribedProperties(child.getValue(), path + "/" + child.getKey(), found);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        undescribedProperties(node.get(i), path + "/" + i, found);
      }
    }
    return found;
  }
}
