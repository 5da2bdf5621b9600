package dev.tradewatch.replay;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces figure values into a topic in the order given, optionally paced to a rate. Each record
 * is keyed by its figure's flow ({@link FigureFlow}), so the figures of one flow stay in order on
 * one partition, and stamped by {@link RecordStamps} (by default from the current time, never the
 * figure's period: replayed figures are years old and must not fall to time-based retention).
 * Idempotent, acks=all; the first send error fails the run.
 */
public final class FigureProducer implements AutoCloseable {

  /** Waits, so that a stamp is not too far ahead of the clock; replaceable in tests. */
  interface Pause {
    void pause(Duration duration);
  }

  private final Producer<byte[], byte[]> producer;
  private final String topic;
  private final double ratePerSecond;
  private final RecordStamps stamps;
  private final Pause pause;
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private long started;
  private long sent;

  /**
   * Stamps from the current time on.
   *
   * @param ratePerSecond records per second, or 0 for as fast as possible
   */
  public FigureProducer(Properties clientProperties, String topic, double ratePerSecond) {
    this(clientProperties, topic, ratePerSecond, RecordStamps.followingClock(Clock.systemUTC()));
  }

  /**
   * @param ratePerSecond records per second, or 0 for as fast as possible
   * @param stamps the record timestamps, in the order records are sent
   */
  public FigureProducer(
      Properties clientProperties, String topic, double ratePerSecond, RecordStamps stamps) {
    this(
        new KafkaProducer<>(
            producerProperties(clientProperties),
            new ByteArraySerializer(),
            new ByteArraySerializer()),
        topic,
        ratePerSecond,
        stamps,
        duration -> LockSupport.parkNanos(duration.toNanos()));
  }

  FigureProducer(
      Producer<byte[], byte[]> producer,
      String topic,
      double ratePerSecond,
      RecordStamps stamps,
      Pause pause) {
    this.producer = producer;
    this.topic = topic;
    this.ratePerSecond = ratePerSecond;
    this.stamps = stamps;
    this.pause = pause;
  }

  private static Properties producerProperties(Properties clientProperties) {
    Properties props = new Properties();
    props.putAll(
        Map.of(
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            "true",
            ProducerConfig.LINGER_MS_CONFIG,
            "10",
            ProducerConfig.BATCH_SIZE_CONFIG,
            Integer.toString(128 * 1024),
            ProducerConfig.COMPRESSION_TYPE_CONFIG,
            "lz4",
            // one request in flight: a timed-out request with later ones acknowledged behind it
            // left the idempotent producer retrying an out-of-order sequence until its delivery
            // timeout (seen on a loaded CI machine); one at a time also keeps file order trivially
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
            "1",
            // a busy broker answers late rather than not at all
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            "60000"));
    props.putAll(clientProperties); // kafka.* replaces any of the above
    return props;
  }

  public void send(byte[] value) {
    send(value, stored -> {});
  }

  /**
   * Sends one figure; {@code onStored} learns where it was stored (partition and offset) once the
   * broker has acknowledged it. It runs on the producer's I/O thread: keep it short.
   */
  public void send(byte[] value, Consumer<RecordMetadata> onStored) {
    throwIfFailed();
    if (sent == 0) {
      started = System.nanoTime();
    }
    paceToRate();
    FigureFlow flow = FigureFlow.of(value);
    long stamp = stamps.next(!flow.hasPublishedAt());
    holdWhileTooFarAhead(stamp);
    producer.send(
        new ProducerRecord<>(
            topic, null, stamp, flow.key().getBytes(StandardCharsets.UTF_8), value),
        (metadata, exception) -> {
          if (exception != null) {
            failure.compareAndSet(null, exception);
          } else {
            onStored.accept(metadata);
          }
        });
    sent++;
  }

  /** Sends every line as a UTF-8 value and waits until all are acknowledged. */
  public void sendAll(List<String> lines) {
    lines.forEach(line -> send(line.getBytes(StandardCharsets.UTF_8)));
    flush();
  }

  public long sent() {
    return sent;
  }

  /** Waits until every record is acknowledged; throws if any failed. */
  public void flush() {
    producer.flush();
    throwIfFailed();
  }

  private void throwIfFailed() {
    Exception error = failure.get();
    if (error != null) {
      throw new IllegalStateException(
          "cannot produce to " + topic + ": " + error.getMessage(), error);
    }
  }

  private void paceToRate() {
    if (ratePerSecond <= 0) {
      return;
    }
    long due = started + (long) (sent * 1_000_000_000L / ratePerSecond);
    long wait = due - System.nanoTime();
    if (wait > 0) {
      LockSupport.parkNanos(wait);
    }
  }

  /** Slows down rather than send a stamp the broker would refuse as too far in the future. */
  private void holdWhileTooFarAhead(long stamp) {
    for (Duration wait = stamps.waitBefore(stamp);
        !wait.isZero();
        wait = stamps.waitBefore(stamp)) {
      pause.pause(wait);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
