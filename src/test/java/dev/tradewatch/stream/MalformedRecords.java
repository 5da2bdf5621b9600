package dev.tradewatch.stream;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of malformed input for fuzzing: broken JSON, wrong types, missing and unknown fields,
 * out-of-range and non-finite values, unknown codes, future months, oversized records, wrong
 * encodings, random bytes — interleaved with valid figures.
 */
public final class MalformedRecords {

  private static final String VALID =
      "{\"exporter\":\"%s\",\"importer\":\"%s\",\"period\":\"20%02d-%02d\",\"valueUsd\":%d}";

  private MalformedRecords() {}

  /** Valid figures and damaged ones, two to two, plus random bytes. */
  public static Arbitrary<byte[]> mixedWithFigures() {
    Arbitrary<String> codes = Arbitraries.of("TUR", "AZE", "OMN", "USA", "WLD");
    Arbitrary<String> valid =
        Combinators.combine(
                codes,
                codes,
                Arbitraries.integers().between(0, 25),
                Arbitraries.integers().between(1, 12),
                Arbitraries.longs().between(0, 200_000_000))
            .as((e, i, y, m, v) -> String.format(VALID, e, i, y, m, v));
    Arbitrary<byte[]> validBytes = valid.map(MalformedRecords::utf8);
    Arbitrary<byte[]> broken =
        Combinators.combine(valid, Arbitraries.integers().between(0, 12))
            .as(MalformedRecords::mutate);
    Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    return Arbitraries.oneOf(validBytes, validBytes, broken, broken, noise);
  }

  /** One kind of damage to a valid figure, chosen by {@code kind}. */
  private static byte[] mutate(String json, int kind) {
    return switch (kind) {
      case 0 -> utf8(json.substring(0, json.length() / 2));
      case 1 -> utf8(json.replace("\"valueUsd\":", "\"valueUsd\":\"").replace("}", "\"}"));
      case 2 -> utf8(json.replace("\"exporter\"", "\"exp\""));
      case 3 -> utf8(json.replace("}", ",\"comment\":\"unknown field\"}"));
      case 4 -> utf8(json.replaceAll("\"valueUsd\":\\d+", "\"valueUsd\":-1"));
      case 5 -> utf8(json.replaceAll("\"valueUsd\":\\d+", "\"valueUsd\":NaN"));
      case 6 -> utf8(json.replaceAll("\"valueUsd\":\\d+", "\"valueUsd\":1e400"));
      case 7 -> utf8(json.replace("\"importer\":\"", "\"importer\":\"X"));
      case 8 -> utf8(json.replaceAll("\"period\":\"\\d{4}", "\"period\":\"2999"));
      case 9 -> utf8(json.replace("}", ",\"source\":\"" + "x".repeat(70_000) + "\"}"));
      case 10 -> json.getBytes(StandardCharsets.UTF_16);
      case 11 -> {
        byte[] bytes = utf8(json);
        bytes[bytes.length / 2] = (byte) 0xC3; // a lone UTF-8 lead byte
        yield bytes;
      }
      default -> utf8("[" + json + "]");
    };
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
