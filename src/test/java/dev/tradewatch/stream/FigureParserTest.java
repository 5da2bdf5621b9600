package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.figures.FigureValidator;
import dev.tradewatch.domain.figures.Validation;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the streaming parser must still see although it keeps only a figure's fields: the JSON
 * limits in fields it skips, the type of every field it keeps, and what follows the object.
 */
class FigureParserTest {

  private static final String GOOD =
      "\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":\"2020-09\",\"valueUsd\":77100000";
  private static final FigureParser PARSER =
      new FigureParser(
          new FigureValidator(Clock.fixed(TopologyFixture.NOW, ZoneOffset.UTC)), 1 << 20);

  @Test
  void acceptsAFigureWithFieldsOfItsOwnAndLettersBeyondAscii() {
    Validation parsed =
        parse("{" + GOOD + ",\"category\":\"Ж-93\",\"note\":{\"a\":[1,2.5,null,true]}}");

    assertThat(parsed.isAccepted()).as(parsed.toString()).isTrue();
    assertThat(parsed.figure().series().category()).isEqualTo("Ж-93");
    assertThat(parsed.figure().valueCents()).isEqualTo(7_710_000_000L);
  }

  @Test
  void refusesJsonLimitsInFieldsItDoesNotKeep() {
    assertThat(reason("{" + GOOD + ",\"note\":" + "1".repeat(1500) + "}")).isEqualTo("not-json");
    assertThat(reason("{" + GOOD + ",\"note\":" + "[".repeat(1200) + "]".repeat(1200) + "}"))
        .isEqualTo("not-json");
    assertThat(reason("{" + GOOD + ",\"note\":{\"a\":1,\"a\":2}}")).isEqualTo("not-json");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{GOOD,\"exporter\":7}|not-json|",
        "{\"exporter\":7,\"importer\":\"AZE\",\"period\":\"2020-09\",\"valueUsd\":1}|wrong-type|expected a string, found number",
        "{\"exporter\":\"TUR\",\"importer\":[\"AZE\"],\"period\":\"2020-09\",\"valueUsd\":1}|wrong-type|expected a string, found array",
        "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":true,\"valueUsd\":1}|wrong-type|expected a string, found boolean",
        "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":\"2020-09\",\"valueUsd\":\"1\"}|wrong-type|expected a number, found string",
        "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":\"2020-09\",\"valueUsd\":{}}|wrong-type|expected a number, found object",
        "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":\"2020-09\",\"valueUsd\":-Infinity}|bad-value|expected a finite number, found -Infinity",
        "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":\"2020-09\",\"valueUsd\":1e9999999999}|bad-value|expected 0 ≤ value < 10^13 after rounding to the cent, found 1e9999999999",
        "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":\"2020-09\",\"valueUsd\":-2E+9999999999}|bad-value|expected 0 ≤ value < 10^13 after rounding to the cent, found -2E+9999999999",
        "{GOOD} {}|not-json|trailing content after the JSON value",
        "[1,2]|not-an-object|expected a JSON object",
        "'   '|not-an-object|expected a JSON object",
      })
  void namesWhatIsWrong(String json, String reason, String detail) {
    Validation parsed = parse(json.replace("GOOD", GOOD));

    assertThat(parsed.rejection().reason().wireName()).isEqualTo(reason);
    if (detail != null) {
      assertThat(parsed.rejection().detail()).isEqualTo(detail);
    }
  }

  @Test
  void takesANumberBeyondBigDecimalThatRoundsToZeroAsZero() {
    // the schema takes it (-0.005 < value < 10^13): so must the parser, not fail on it
    for (String tiny : new String[] {"1e-9999999999", "-5E-99999999999", "0e9999999999"}) {
      Validation parsed = parse("{" + GOOD.replace("77100000", tiny) + "}");

      assertThat(parsed.isAccepted()).as(tiny + ": " + parsed).isTrue();
      assertThat(parsed.figure().valueCents()).isZero();
    }
  }

  @Test
  void refusesJsonInUtf16OrUtf32ThatHasNoInvalidUtf8Byte() {
    // ASCII in UTF-16 or UTF-32 is valid UTF-8 byte by byte, with NULs Jackson reads as those
    for (String charset : new String[] {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"}) {
      byte[] value = ("{" + GOOD + "}").getBytes(Charset.forName(charset));

      assertThat(PARSER.parse(value, TopologyFixture.NOW).rejection())
          .as(charset)
          .isNotNull()
          .satisfies(rejection -> assertThat(rejection.reason().wireName()).isEqualTo("not-json"));
    }
  }

  @Test
  void ignoresAUtf8ByteOrderMark() {
    byte[] json = ("{" + GOOD + "}").getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[json.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(json, 0, withBom, 3, json.length);

    assertThat(PARSER.parse(withBom, TopologyFixture.NOW).isAccepted()).isTrue();
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    byte[] value = ("{" + GOOD + ",\"source\":\"x\"}").getBytes(StandardCharsets.UTF_8);
    value[value.length - 3] = (byte) 0xC3; // a lead byte without its continuation

    assertThat(PARSER.parse(value, TopologyFixture.NOW).rejection().reason().wireName())
        .isEqualTo("bad-encoding");
  }

  private static String reason(String json) {
    Validation parsed = parse(json);
    return parsed.isAccepted() ? "accepted" : parsed.rejection().reason().wireName();
  }

  private static Validation parse(String json) {
    return PARSER.parse(json.getBytes(StandardCharsets.UTF_8), TopologyFixture.NOW);
  }
}
