package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tradewatch.testing.Schemas;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The figure schema never refuses what the parser would take: whatever it refuses is dead-lettered
 * (every refusal of the parser is, see BadInputFuzzProperties), and what the parser refuses
 * although the schema accepts it is refused for a reason the schema's description names. Generated:
 * valid figures and mutations of them — fields missing, mistyped or null, unknown and lower-case
 * codes, malformed and future periods, bad bases, values at and around the bounds, categories and
 * sources of every kind of character, publishedAt in the shapes ISO-8601 allows and some it does
 * not, and extra fields.
 */
class FigureSchemaProperties {

  private static final String ABSENT = "(absent)";

  @Property(tries = 3000)
  void whateverTheSchemaRefusesIsDeadLetteredAndTheRestForANamedReason(
      @ForAll("figures") Map<String, Object> figure) throws JsonProcessingException {
    FigureVerdicts verdicts = FigureVerdicts.of(Schemas.JSON.writeValueAsString(figure));
    String refusal = verdicts.refusal();
    Statistics.label("verdict")
        .collect(
            verdicts.schemaAccepts()
                ? (refusal == null ? "both accept" : "only the parser refuses")
                : "both refuse")
        .coverage(
            coverage -> {
              coverage.check("both accept").percentage(p -> p > 10);
              coverage.check("both refuse").percentage(p -> p > 30);
              coverage.check("only the parser refuses").percentage(p -> p > 1);
            });

    if (verdicts.schemaAccepts() && refusal != null) {
      Statistics.label("refused by the parser alone").collect(refusal);
    }
    if (!verdicts.schemaAccepts()) {
      assertThat(refusal)
          .as("the schema refuses %s: %s", verdicts.json(), verdicts.schemaErrors())
          .isNotNull();
    } else if (refusal != null) {
      assertThat(FigureVerdicts.NAMED_BEYOND_THE_SCHEMA)
          .as("the parser refuses %s as %s, the schema accepts it", verdicts.json(), refusal)
          .contains(refusal);
    }
  }

  /** A valid figure with up to four fields replaced, removed or added. */
  @Provide
  Arbitrary<Map<String, Object>> figures() {
    Arbitrary<Change> change =
        Arbitraries.oneOf(
            field("exporter", codes()),
            field("importer", codes()),
            field("reporter", codes()),
            field("period", periods()),
            field("basis", bases()),
            field("valueUsd", values()),
            field("category", categories()),
            field("source", sources()),
            field("publishedAt", instants()),
            field("comment", wrongTypes()),
            field("Exporter", codes()));
    return change.list().ofMaxSize(4).map(FigureSchemaProperties::applied);
  }

  private static Map<String, Object> applied(List<Change> changes) {
    Map<String, Object> figure = new LinkedHashMap<>();
    figure.put("exporter", "TUR");
    figure.put("importer", "AZE");
    figure.put("period", "2020-09");
    figure.put("basis", "month");
    figure.put("valueUsd", 77_100_000);
    figure.put("category", "defence-aerospace");
    figure.put("reporter", "TUR");
    figure.put("source", "TIM");
    figure.put("publishedAt", "2020-10-02T00:00:00Z");
    for (Change change : changes) {
      if (ABSENT.equals(change.value())) {
        figure.remove(change.name());
      } else {
        figure.put(change.name(), change.value());
      }
    }
    return figure;
  }

  /** One field set to {@code value} (JSON null included), or removed when it is ABSENT. */
  private record Change(String name, Object value) {}

  private static Arbitrary<Change> field(String name, Arbitrary<?> values) {
    return Arbitraries.oneOf(values, Arbitraries.just(ABSENT), wrongTypes())
        .map(value -> new Change(name, value));
  }

  private static Arbitrary<Object> wrongTypes() {
    return Arbitraries.of(
            (Object) 12, true, List.of("TUR"), Map.of("code", "TUR"), new BigDecimal("1.5"))
        .injectNull(0.3);
  }

  private static Arbitrary<String> codes() {
    return Arbitraries.of(
        "TUR", "AZE", "USA", "OMN", "WLD", "ARM", "XXX", "XKX", "tur", "Tur", "TU", "TURK", " TUR",
        "TUR ", "");
  }

  private static Arbitrary<String> periods() {
    Arbitrary<String> shaped =
        Combinators.combine(
                Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(0, 13))
            .as((year, month) -> String.format("%04d-%02d", year, month));
    return Arbitraries.oneOf(
        shaped,
        Arbitraries.of(
            "2020-09",
            "2026-11",
            "2026-12",
            "2020-9",
            "20-09",
            "2020/09",
            "2020-09-01",
            "2020-09 ",
            "2020-09\n",
            "\uFF12\uFF10\uFF12\uFF10-09",
            "+2020-09",
            "-2020-09"));
  }

  private static Arbitrary<String> bases() {
    return Arbitraries.of("month", "ytd", "MONTH", "Ytd", "annual", "", " month");
  }

  /** Values at, just inside and just outside both bounds, and anywhere in between and beyond. */
  private static Arbitrary<Object> values() {
    Arbitrary<Object> bounds =
        Arbitraries.of(
                "0",
                "-0.0",
                "-0.005",
                "-0.00499999999",
                "-0.004",
                "-1",
                "434999.99999999994",
                "9999999999999.994",
                "9999999999999.99499999999",
                "9999999999999.995",
                "9999999999999.999",
                "1e13",
                "1e400",
                "-1e400",
                "1e-400",
                "-1e-400")
            .map(BigDecimal::new);
    Arbitrary<Object> anywhere =
        Combinators.combine(
                Arbitraries.bigIntegers()
                    .between(new BigInteger("-1000"), new BigInteger("1" + "0".repeat(17))),
                Arbitraries.integers().between(-3, 12))
            .as((unscaled, scale) -> new BigDecimal(unscaled, scale));
    return Arbitraries.oneOf(bounds, anywhere, Arbitraries.of((Object) "77100000"));
  }

  /** Words of letters, digits, allowed and refused punctuation and whitespace of every kind. */
  private static Arbitrary<String> categories() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "a",
            "Z",
            "Ж",
            "中",
            "é",
            "9",
            "٣",
            "Ⅻ",
            "²",
            " ",
            ".",
            "_",
            "/",
            "&",
            "(",
            ")",
            "+",
            "-",
            "!",
            ",",
            "#",
            "\t",
            "\n",
            "\u00A0",
            "\u2003",
            "\u2007",
            "\u3000",
            "\u001C",
            "\uD835\uDC00",
            "\u0301");
    Arbitrary<String> repeated =
        Combinators.combine(
                Arbitraries.of("a", "9", "Ж", "\uD835\uDC00"),
                Arbitraries.integers().between(60, 70))
            .as(String::repeat);
    return Arbitraries.oneOf(
        pieces.list().ofMaxSize(8).map(list -> String.join("", list)),
        Combinators.combine(
                Arbitraries.of("", " ", "\t"), repeated, Arbitraries.of("", " ", "\u2003"))
            .as((before, word, after) -> before + word + after),
        Arbitraries.of("total", "93", "defence-aerospace", " total "));
  }

  private static Arbitrary<String> sources() {
    return Combinators.combine(
            Arbitraries.of("x", "é", "中", "\uD835\uDC00"), Arbitraries.integers().between(0, 260))
        .as(String::repeat);
  }

  /**
   * publishedAt: the plain UTC form, other shapes ISO-8601 allows and some it does not, fields out
   * of range, the future.
   */
  private static Arbitrary<String> instants() {
    Arbitrary<String> plain =
        Combinators.combine(
                Arbitraries.integers().between(1990, 2026),
                Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 28),
                Arbitraries.integers().between(0, 23),
                Arbitraries.integers().between(0, 59))
            .as((y, mo, d, h, s) -> String.format("%04d-%02d-%02dT%02d:00:%02dZ", y, mo, d, h, s));
    Arbitrary<String> shapes =
        Arbitraries.of(
            "2020-10-02T00:00Z",
            "2020-10-02T00:00:00.Z",
            "2020-10-02T00:00:00.123456789Z",
            "2020-10-02T00:00:00.1234567891Z",
            "2020-10-02t00:00:00z",
            "2020-10-02T00:00:00+03",
            "2020-10-02T00:00:00+03:00",
            "2020-10-02T00:00:00+03:00:30",
            "2020-10-02T00:00:00+0300",
            "2020-10-02T00:00:00+19:00",
            "2020-10-02T00:00:00-00:00",
            "+12020-10-02T00:00:00Z",
            "-0001-10-02T00:00:00Z",
            "12020-10-02T00:00:00Z",
            "2020-10-02 00:00:00Z",
            "2020-10-02T00:00:00",
            "2020-10-02",
            "2026-11-28T23:10:00Z",
            "2026-11-28T23:10:01Z",
            "2020-10-02T00:00:00Z\n",
            "",
            "yesterday",
            "2020-02-30T00:00:00Z",
            "2020-13-01T00:00:00Z",
            "2020-00-01T00:00:00Z",
            "2020-10-00T00:00:00Z",
            "2020-10-02T24:00:00Z",
            "2020-10-02T00:60:00Z",
            "2020-10-02T00:00:60Z",
            "9999-12-31T23:59:59Z");
    return Arbitraries.oneOf(plain, shapes);
  }
}
