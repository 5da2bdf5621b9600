package dev.tradewatch.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.replay.RecordStampsTest.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** Keys and record timestamps of produced figures, on a mock producer and a clock moved by hand. */
class FigureProducerTest {

  private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");

  private final MockProducer<byte[], byte[]> mock =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final MutableClock clock = new MutableClock(NOW);
  private final List<Duration> pauses = new ArrayList<>();

  private FigureProducer producer(RecordStamps stamps) {
    return producer(mock, stamps);
  }

  /** A producer whose pauses move the clock instead of waiting. */
  private FigureProducer producer(MockProducer<byte[], byte[]> kafka, RecordStamps stamps) {
    return new FigureProducer(
        kafka,
        "figures",
        0,
        stamps,
        duration -> {
          pauses.add(duration);
          clock.advance(duration);
        });
  }

  @Test
  void shouldKeyEveryRecordByItsFlow() {
    try (FigureProducer producer = producer(RecordStamps.followingClock(clock))) {
      producer.sendAll(
          List.of(
              "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"category\":\"defence-aerospace\"}",
              "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"category\":\"defence-aerospace \"}",
              "{\"exporter\":\"DEU\",\"importer\":\"FRA\"}"));
    }

    assertThat(mock.history())
        .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .containsExactly("TUR-AZE-defence-aerospace", "TUR-AZE-defence-aerospace", "DEU-FRA-total");
  }

  @Test
  void shouldStampLinesWithoutPublishedAtStrictlyIncreasingInFileOrder() {
    String withoutPublishedAt = "{\"exporter\":\"DEU\",\"importer\":\"FRA\",\"valueUsd\":1}";
    String published =
        "{\"exporter\":\"DEU\",\"importer\":\"FRA\",\"publishedAt\":\"2020-01-01T00:00:00Z\"}";
    try (FigureProducer producer = producer(RecordStamps.followingClock(clock))) {
      producer.sendAll(
          List.of(withoutPublishedAt, withoutPublishedAt, published, withoutPublishedAt));
    }

    long start = NOW.toEpochMilli();
    assertThat(mock.history())
        .extracting(ProducerRecord::timestamp)
        .containsExactly(start, start + 1, start + 1, start + 2);
  }

  @Test
  void shouldSlowDownRatherThanStampMoreThanFiftyMinutesAheadOfTheClock() {
    // a backtest whose stamps start 50 minutes ahead: every further line must wait
    RecordStamps stamps = RecordStamps.startingAt(NOW.plus(RecordStamps.MAX_AHEAD), clock);
    String line = "{\"exporter\":\"DEU\",\"importer\":\"FRA\"}";
    List<Long> aheadAtSend = new ArrayList<>();
    MockProducer<byte[], byte[]> watching =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()) {
          @Override
          public synchronized Future<RecordMetadata> send(
              ProducerRecord<byte[], byte[]> record, Callback callback) {
            aheadAtSend.add(record.timestamp() - clock.millis());
            return super.send(record, callback);
          }
        };
    try (FigureProducer producer = producer(watching, stamps)) {
      for (int i = 0; i < 100; i++) {
        producer.send(line.getBytes(StandardCharsets.UTF_8));
      }
    }

    assertThat(aheadAtSend)
        .hasSize(100)
        .allSatisfy(
            ahead -> assertThat(ahead).isLessThanOrEqualTo(RecordStamps.MAX_AHEAD.toMillis()));
    assertThat(pauses).hasSize(99).containsOnly(Duration.ofMillis(1));
    assertThat(clock.instant()).isEqualTo(NOW.plusMillis(99));
  }

  @Test
  void shouldTellWhereEachRecordWasStored() {
    List<Long> offsets = new ArrayList<>();
    try (FigureProducer producer = producer(RecordStamps.followingClock(clock))) {
      for (int i = 0; i < 3; i++) {
        producer.send(
            "{\"exporter\":\"DEU\",\"importer\":\"FRA\"}".getBytes(StandardCharsets.UTF_8),
            stored -> offsets.add(stored.offset()));
      }
      producer.flush();
    }

    assertThat(offsets).hasSize(3).doesNotHaveDuplicates();
  }
}
