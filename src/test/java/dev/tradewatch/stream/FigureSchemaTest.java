package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where the figure schema and the parser draw their lines: the same place wherever a schema can
 * draw one, and for the refusals beyond a schema, only those its description names.
 */
class FigureSchemaTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-0.0",
        "-0.00499999999",
        "434999.99999999994",
        "9999999999999.994",
        "9999999999999.99499999999999",
        "1e-400",
        "77100000"
      })
  void shouldBothAcceptAValueThatRoundsIntoRange(String value) {
    FigureVerdicts verdicts = FigureVerdicts.of(figure(value));

    assertThat(verdicts.schemaErrors()).isEmpty();
    assertThat(verdicts.parsed().isAccepted()).as(verdicts.refusal()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-0.005",
        "-1",
        "9999999999999.995",
        "10000000000000",
        "1e13",
        "1e400",
        "-1e400",
        "\"77100000\"",
        "null"
      })
  void shouldBothRefuseAValueOutOfRangeOrOfTheWrongType(String value) {
    FigureVerdicts verdicts = FigureVerdicts.of(figure(value));

    assertThat(verdicts.schemaErrors()).isNotEmpty();
    assertThat(verdicts.refusal()).isIn("bad-value", "wrong-type", "missing-field");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"period\":\"2020-00\"",
        "\"period\":\"2020-13\"",
        "\"period\":\"2020-9\"",
        "\"period\":\"2020-09 \"",
        "\"period\":\"2020-09\\n\"",
        "\"basis\":\"annual\"",
        "\"basis\":\"MONTH\"",
        "\"reporter\":\"tur\"",
        "\"importer\":\"XKX\"",
        "\"category\":\"\"",
        "\"category\":\"  \"",
        "\"category\":\"-93\"",
        "\"category\":\"arms, ammunition\"",
        "\"publishedAt\":\"2020-10-02\"",
        "\"publishedAt\":\"2020-10-02 00:00:00Z\"",
        "\"publishedAt\":\"2020-10-02T00:00:00\"",
        "\"publishedAt\":\"2020-10-02T00:00:00+0100\"",
        "\"publishedAt\":\"-0001-10-02T00:00:00Z\"",
        "\"source\":7"
      })
  void shouldBothRefuseWhatASchemaCanSeeIsWrong(String field) {
    FigureVerdicts verdicts = FigureVerdicts.of(withField(field));

    assertThat(verdicts.schemaErrors()).as(verdicts.json()).isNotEmpty();
    assertThat(verdicts.parsed().isAccepted()).as(verdicts.json()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"period\":\"0000-01\"",
        "\"basis\":null",
        "\"reporter\":\"AZE\"",
        "\"category\":\" total \"",
        "\"category\":\"\\u3000Ж (9.3) & 8806/b+c_d-e\\t\"",
        "\"category\":\"٣\"",
        "\"publishedAt\":\"2020-10-02T00:00Z\"",
        "\"publishedAt\":\"2020-10-02t00:00:00.123456789z\"",
        "\"publishedAt\":\"2020-10-02T03:00:00+03\"",
        "\"publishedAt\":\"2020-10-02T03:00:00+03:00:30\"",
        "\"source\":null",
        "\"comment\":{\"nested\":[1,2,{\"deep\":null}]}"
      })
  void shouldBothAcceptWhatTheContractAllows(String field) {
    FigureVerdicts verdicts = FigureVerdicts.of(withField(field));

    assertThat(verdicts.schemaErrors()).as(verdicts.json()).isEmpty();
    assertThat(verdicts.parsed().isAccepted()).as(verdicts.refusal()).isTrue();
  }

  @Test
  void shouldNameEachRefusalItCannotExpressAndShowThatItCannot() {
    String supplementary = "\uD835\uDC00"; // 𝐀, one letter, two UTF-16 code units
    Map<String, String> accepted =
        Map.of(
            "same-country",
                "{\"exporter\":\"TUR\",\"importer\":\"TUR\",\"period\":\"2020-09\",\"valueUsd\":1}",
            "future-period", withField("\"period\":\"2026-12\""),
            "bad-published-at", withField("\"publishedAt\":\"2020-02-30T00:00:00Z\""),
            "not-json",
                "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":\"2020-09\",\"valueUsd\":1,\"valueUsd\":2}",
            "oversized", withField("\"padding\":\"" + "x".repeat(70_000) + "\""),
            "bad-text", withField("\"source\":\"" + supplementary.repeat(200) + "\""));
    List<String> shown = new ArrayList<>();
    accepted.forEach(
        (reason, json) -> {
          FigureVerdicts verdicts = FigureVerdicts.of(json);
          assertThat(verdicts.schemaErrors()).as(reason).isEmpty();
          assertThat(verdicts.refusal()).as(reason).isEqualTo(reason);
          shown.add(reason);
        });

    // bad-encoding is not text at all, so no schema ever sees it
    shown.add("bad-encoding");
    assertThat(FigureVerdicts.NAMED_BEYOND_THE_SCHEMA).containsExactlyInAnyOrderElementsOf(shown);
  }

  /**
   * Every character of the Basic Multilingual Plane, around and inside a category: whitespace as
   * Java's strip() sees it, letters and digits as the parser's pattern does. Letters, unassigned
   * and private-use characters, most of the plane, are each one class on both sides, so one in 50
   * stands for them.
   */
  @Test
  void shouldAgreeOnEveryCharacterAroundAndInsideACategory() {
    List<String> disagreements = new ArrayList<>();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (Character.isSurrogate(c) || (isBulk(c) && c % 50 != 0)) {
        continue;
      }
      for (String category : List.of(c + "a" + c, "a" + c + "b")) {
        FigureVerdicts verdicts = FigureVerdicts.of(withField("\"category\":" + quoted(category)));
        if (verdicts.schemaAccepts() != verdicts.parsed().isAccepted()) {
          disagreements.add(String.format("U+%04X in %s", (int) c, quoted(category)));
        }
      }
    }
    assertThat(disagreements).isEmpty();
  }

  private static boolean isBulk(char c) {
    int type = Character.getType(c);
    return Character.isLetter(c) || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
  }

  private static String figure(String value) {
    return withField("\"valueUsd\":" + value);
  }

  /** The reference figure with {@code field} ({@code "name":value}) set, once. */
  private static String withField(String field) {
    String name = field.substring(0, field.indexOf(':'));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("\"exporter\"", "\"TUR\"");
    fields.put("\"importer\"", "\"AZE\"");
    fields.put("\"period\"", "\"2020-09\"");
    fields.put("\"valueUsd\"", "77100000");
    fields.put(name, field.substring(name.length() + 1));
    StringJoiner json = new StringJoiner(",", "{", "}");
    fields.forEach((key, value) -> json.add(key + ":" + value));
    return json.toString();
  }

  /** {@code text} as a JSON string, every character escaped so that any of them can be tried. */
  private static String quoted(String text) {
    StringBuilder json = new StringBuilder("\"");
    text.chars().forEach(c -> json.append(String.format("\\u%04X", c)));
    return json.append('"').toString();
  }
}
