package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.config.SettingsLoader;
import dev.tradewatch.config.Topics;
import dev.tradewatch.metrics.PipelineMetrics;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per class of bad input: each lands in the dead-letter topic, intact, with its reason.
 */
class DeadLetterTest {

  private final TopologyFixture fixture = new TopologyFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  static Stream<Arguments> badRecords() {
    String good = "\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":\"2020-09\"";
    return Stream.of(
        Arguments.of("not JSON", bytes("TUR,AZE,2020-09,77100000"), "not-json", ""),
        Arguments.of("truncated JSON", bytes("{" + good + ",\"valueUsd\":"), "not-json", ""),
        Arguments.of(
            "duplicate field",
            bytes("{" + good + ",\"valueUsd\":1,\"valueUsd\":2}"),
            "not-json",
            ""),
        Arguments.of("an array", bytes("[1,2,3]"), "not-an-object", ""),
        Arguments.of("missing value", bytes("{" + good + "}"), "missing-field", "valueUsd"),
        Arguments.of(
            "missing exporter",
            bytes("{\"importer\":\"AZE\",\"period\":\"2020-09\",\"valueUsd\":1}"),
            "missing-field",
            "exporter"),
        Arguments.of(
            "value as string",
            bytes("{" + good + ",\"valueUsd\":\"77.1M\"}"),
            "wrong-type",
            "valueUsd"),
        Arguments.of(
            "period as number",
            bytes("{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":202009,\"valueUsd\":1}"),
            "wrong-type",
            "period"),
        Arguments.of(
            "unknown exporter",
            bytes(
                "{\"exporter\":\"TRK\",\"importer\":\"AZE\",\"period\":\"2020-09\",\"valueUsd\":1}"),
            "unknown-country",
            "exporter"),
        Arguments.of(
            "lower-case importer",
            bytes(
                "{\"exporter\":\"TUR\",\"importer\":\"aze\",\"period\":\"2020-09\",\"valueUsd\":1}"),
            "unknown-country",
            "importer"),
        Arguments.of(
            "unknown reporter",
            bytes("{" + good + ",\"valueUsd\":1,\"reporter\":\"XXX\"}"),
            "unknown-country",
            "reporter"),
        Arguments.of(
            "exporter = importer",
            bytes(
                "{\"exporter\":\"TUR\",\"importer\":\"TUR\",\"period\":\"2020-09\",\"valueUsd\":1}"),
            "same-country",
            "importer"),
        Arguments.of(
            "future period",
            bytes(
                "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":\"2026-12\",\"valueUsd\":1}"),
            "future-period",
            "period"),
        Arguments.of(
            "month 13",
            bytes(
                "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":\"2020-13\",\"valueUsd\":1}"),
            "bad-period",
            "period"),
        Arguments.of(
            "period as date",
            bytes(
                "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":\"2020-09-01\",\"valueUsd\":1}"),
            "bad-period",
            "period"),
        Arguments.of(
            "unknown basis",
            bytes("{" + good + ",\"valueUsd\":1,\"basis\":\"quarter\"}"),
            "bad-basis",
            "basis"),
        Arguments.of(
            "negative value", bytes("{" + good + ",\"valueUsd\":-5}"), "bad-value", "valueUsd"),
        Arguments.of(
            "NaN value", bytes("{" + good + ",\"valueUsd\":NaN}"), "bad-value", "valueUsd"),
        Arguments.of(
            "infinite value",
            bytes("{" + good + ",\"valueUsd\":Infinity}"),
            "bad-value",
            "valueUsd"),
        Arguments.of(
            "huge value", bytes("{" + good + ",\"valueUsd\":1e13}"), "bad-value", "valueUsd"),
        Arguments.of(
            "astronomic exponent",
            bytes("{" + good + ",\"valueUsd\":1e999999999}"),
            "bad-value",
            "valueUsd"),
        Arguments.of(
            "negative astronomic exponent",
            bytes("{" + good + ",\"valueUsd\":-1e999999999}"),
            "bad-value",
            "valueUsd"),
        Arguments.of(
            "value that rounds to 10^13",
            bytes("{" + good + ",\"valueUsd\":9999999999999.995}"),
            "bad-value",
            "valueUsd"),
        Arguments.of(
            "bad category",
            bytes("{" + good + ",\"valueUsd\":1,\"category\":\"\"}"),
            "bad-text",
            "category"),
        Arguments.of(
            "bad publishedAt",
            bytes("{" + good + ",\"valueUsd\":1,\"publishedAt\":\"yesterday\"}"),
            "bad-published-at",
            "publishedAt"),
        Arguments.of(
            "publishedAt in year 12021",
            bytes("{" + good + ",\"valueUsd\":1,\"publishedAt\":\"+12021-10-02T00:00:00Z\"}"),
            "bad-published-at",
            "publishedAt"),
        Arguments.of(
            "invalid UTF-8",
            new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
            "bad-encoding",
            ""),
        Arguments.of("empty value", new byte[0], "not-json", ""),
        Arguments.of(
            "oversized",
            bytes("{" + good + ",\"valueUsd\":1,\"source\":\"" + "x".repeat(70_000) + "\"}"),
            "oversized",
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRecords")
  void shouldDeadLetterBadInputWithItsReasonAndOriginalBytes(
      String name, byte[] value, String reason, String field) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("trace-id", bytes("abc-123"));
    fixture.input.pipeInput(new TestRecord<>(bytes("some-key"), value, headers));

    TestRecord<byte[], byte[]> letter = fixture.deadLetters.readRecord();

    assertThat(letter.value()).isEqualTo(value);
    assertThat(letter.key()).isEqualTo(bytes("some-key"));
    assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.REASON))
        .isEqualTo(reason);
    assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.FIELD)).isEqualTo(field);
    assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.DETAIL)).isNotBlank();
    assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.SOURCE_TOPIC))
        .isEqualTo(Topics.DEFAULT_INPUT);
    assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.SOURCE_PARTITION))
        .isEqualTo("0");
    assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.SOURCE_OFFSET))
        .isEqualTo("0");
    assertThat(DeadLetterHeaders.text(letter.headers(), "trace-id")).isEqualTo("abc-123");
    assertThat(fixture.counter(PipelineMetrics.REJECTED, "reason", reason)).isEqualTo(1);
    assertThat(fixture.alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldKeepProcessingGoodFiguresAfterBadOnes() {
    badRecords()
        .forEach(args -> fixture.input.pipeInput(new TestRecord<>(null, (byte[]) args.get()[1])));

    fixture.send(
        "{\"exporter\":\"TUR\",\"importer\":\"OMN\",\"period\":\"2020-09\",\"valueUsd\":63000000}");

    assertThat(fixture.deadLetters.getQueueSize()).isEqualTo(badRecords().count());
    assertThat(fixture.readAlerts())
        .singleElement()
        .satisfies(
            alert ->
                assertThat(alert.alertId()).isEqualTo("TUR-OMN-total-TUR-month-threshold-2020-09"));
  }

  @Test
  void shouldCutADeadLetterToWhatTheDeadLetterTopicAcceptsAndSaySo() {
    try (TopologyFixture small =
        new TopologyFixture(
            new TopologySettings(
                Topics.defaults(),
                new dev.tradewatch.config.RulesTopicLayer(SettingsLoader.defaults()),
                1024,
                2048))) {
      byte[] value = bytes("x".repeat(5000));
      small.input.pipeInput(new TestRecord<>(null, value));

      TestRecord<byte[], byte[]> letter = small.deadLetters.readRecord();

      assertThat(letter.value()).hasSize(2048).isEqualTo(java.util.Arrays.copyOf(value, 2048));
      assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.TRUNCATED_FROM))
          .isEqualTo("5000");
      assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.REASON))
          .isEqualTo("oversized");
    }
  }

  @Test
  void shouldIgnoreUnknownFieldsForForwardCompatibility() {
    fixture.send(
        "{\"exporter\":\"TUR\",\"importer\":\"OMN\",\"period\":\"2020-09\",\"valueUsd\":63000000,\"hsVersion\":\"H6\"}");

    assertThat(fixture.deadLetters.isEmpty()).isTrue();
    assertThat(fixture.readAlerts()).hasSize(1);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
