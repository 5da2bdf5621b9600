package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.metrics.PipelineMetrics;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Fuzzes the input with malformed records of every kind interleaved with valid figures: nothing is
 * lost (accepted + dead-lettered = produced), every dead letter says why, and the stream keeps
 * going.
 */
class BadInputFuzzProperties {

  @Property(tries = 40)
  void everyRecordIsEitherAcceptedOrDeadLetteredWithAReason(@ForAll("feeds") List<byte[]> records) {
    try (TopologyFixture fixture = new TopologyFixture()) {
      records.forEach(value -> fixture.input.pipeInput(new TestRecord<>(null, value)));

      List<TestRecord<byte[], byte[]>> letters = fixture.deadLetters.readRecordsToList();
      double accepted =
          Arrays.stream(new String[] {"new", "revision", "duplicate", "stale"})
              .mapToDouble(outcome -> fixture.counter(PipelineMetrics.FIGURES, "outcome", outcome))
              .sum();

      assertThat(accepted + letters.size()).isEqualTo(records.size());
      assertThat(letters)
          .allSatisfy(
              letter ->
                  assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.REASON))
                      .isNotBlank());
    }
  }

  @Provide
  Arbitrary<List<byte[]>> feeds() {
    return MalformedRecords.mixedWithFigures().list().ofMinSize(1).ofMaxSize(40);
  }
}
