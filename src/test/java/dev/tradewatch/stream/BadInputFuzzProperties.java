package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.metrics.PipelineMetrics;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Fuzzes the input with malformed records of every kind interleaved with valid figures: nothing is
 * lost (accepted + dead-lettered = produced), every dead letter says why, and the stream keeps going.
 */
class BadInputFuzzProperties {

    private static final String VALID = "{\"exporter\":\"%s\",\"importer\":\"%s\",\"period\":\"20%02d-%02d\",\"valueUsd\":%d}";

    @Property(tries = 40)
    void everyRecordIsEitherAcceptedOrDeadLetteredWithAReason(@ForAll("feeds") List<byte[]> records) {
        try (TopologyFixture fixture = new TopologyFixture()) {
            records.forEach(value -> fixture.input.pipeInput(new TestRecord<>(null, value)));

            List<TestRecord<byte[], byte[]>> letters = fixture.deadLetters.readRecordsToList();
            double accepted = Arrays.stream(new String[] {"new", "revision", "duplicate", "stale"})
                    .mapToDouble(outcome -> fixture.counter(PipelineMetrics.FIGURES, "outcome", outcome)).sum();

            assertThat(accepted + letters.size()).isEqualTo(records.size());
            assertThat(letters).allSatisfy(letter ->
                    assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.REASON)).isNotBlank());
        }
    }

    @Provide
    Arbitrary<List<byte[]>> feeds() {
        Arbitrary<String> codes = Arbitraries.of("TUR", "AZE", "OMN", "USA", "WLD");
        Arbitrary<String> valid = Combinators.combine(codes, codes, Arbitraries.integers().between(0, 25),
                Arbitraries.integers().between(1, 12), Arbitraries.longs().between(0, 200_000_000))
                .as((e, i, y, m, v) -> String.format(VALID, e, i, y, m, v));
        Arbitrary<byte[]> validBytes = valid.map(BadInputFuzzProperties::utf8);
        Arbitrary<byte[]> broken = Combinators.combine(valid, Arbitraries.integers().between(0, 12))
                .as(BadInputFuzzProperties::mutate);
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        return Arbitraries.oneOf(validBytes, validBytes, broken, broken, noise).list().ofMinSize(1).ofMaxSize(40);
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
