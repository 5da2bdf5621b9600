package dev.tradewatch.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces figure values into a topic, optionally paced to a rate. Records carry the current time
 * as their timestamp (the producer's default), never the figure's period: replayed figures are
 * years old and must not fall to time-based retention. Idempotent, acks=all; the first send error
 * fails the run.
 */
public final class FigureProducer implements AutoCloseable {

  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;
  private final double ratePerSecond;
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private long started;
  private long sent;

  /**
   * @param ratePerSecond records per second, or 0 for as fast as possible
   */
  public FigureProducer(Properties clientProperties, String topic, double ratePerSecond) {
    Properties props = new Properties();
    props.putAll(clientProperties);
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
            "lz4"));
    this.producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    this.topic = topic;
    this.ratePerSecond = ratePerSecond;
  }

  public void send(byte[] value) {
    Exception error = failure.get();
    if (error != null) {
      throw new IllegalStateException(
          "cannot produce to " + topic + ": " + error.getMessage(), error);
    }
    if (sent == 0) {
      started = System.nanoTime();
    }
    pace();
    producer.send(
        new ProducerRecord<>(topic, value),
        (metadata, exception) -> {
          if (exception != null) {
            failure.compareAndSet(null, exception);
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
    Exception error = failure.get();
    if (error != null) {
      throw new IllegalStateException(
          "cannot produce to " + topic + ": " + error.getMessage(), error);
    }
  }

  private void pace() {
    if (ratePerSecond <= 0) {
      return;
    }
    long due = started + (long) (sent * 1_000_000_000L / ratePerSecond);
    long wait = due - System.nanoTime();
    if (wait > 0) {
      LockSupport.parkNanos(wait);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
