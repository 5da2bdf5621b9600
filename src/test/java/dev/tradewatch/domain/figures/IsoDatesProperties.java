package dev.tradewatch.domain.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The fast paths of {@link IsoDates} agree with java.time's formatters, refusals included. */
class IsoDatesProperties {

  @Property(tries = 2000)
  void instantsReadLikeTheFormatter(@ForAll("dateTimes") String text) {
    assertThat(outcome(IsoDates::instant, text))
        .isEqualTo(
            outcome(t -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(t, Instant::from), text));
  }

  @Property(tries = 500)
  void periodsReadLikeYearMonthParse(@ForAll("periods") String text) {
    assertThat(outcome(IsoDates::period, text)).isEqualTo(outcome(YearMonth::parse, text));
  }

  /** The value read, or "refused". */
  private static Object outcome(Function<String, Object> parse, String text) {
    try {
      return parse.apply(text);
    } catch (DateTimeException e) {
      return "refused";
    }
  }

  /**
   * Mostly the plain UTC shape with digits out of range too (month 13, 30 February, hour 24, second
   * 60), plus other offsets.
   */
  @Provide
  Arbitrary<String> dateTimes() {
    Arbitrary<String> plain =
        Combinators.combine(
                padded(0, 9999, 4),
                padded(0, 13, 2),
                padded(0, 32, 2),
                padded(0, 25, 2),
                padded(0, 61, 2),
                padded(0, 61, 2))
            .as(
                (y, mo, d, h, mi, s) ->
                    y + "-" + mo + "-" + d + "T" + h + ":" + mi + ":" + s + "Z");
    Arbitrary<String> variants =
        plain.flatMap(
            text ->
                Arbitraries.of(
                    text,
                    text.replace("Z", "+03:00"),
                    text.replace("Z", ".5Z"),
                    text.replace("T", " "),
                    text.replace("Z", "z"),
                    text.substring(0, 19),
                    text.replace("Z", "+00:00")));
    return Arbitraries.frequencyOf(Tuple.of(4, plain), Tuple.of(1, variants));
  }

  @Provide
  Arbitrary<String> periods() {
    Arbitrary<String> plain =
        Combinators.combine(padded(0, 9999, 4), padded(0, 99, 2)).as((y, m) -> y + "-" + m);
    Arbitrary<String> otherShapes =
        Arbitraries.of(
            "2020/01",
            "+202-01",
            "\uff12\uff10\uff12\uff10-01",
            "2020-1",
            "20201-01",
            "-0001-01",
            "2020-01 ",
            "");
    return Arbitraries.oneOf(plain, plain, plain, otherShapes);
  }

  private static Arbitrary<String> padded(int min, int max, int width) {
    return Arbitraries.integers()
        .between(min, max)
        .map(value -> String.format("%0" + width + "d", value));
  }
}
