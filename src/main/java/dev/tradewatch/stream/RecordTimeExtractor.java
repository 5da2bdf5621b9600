package dev.tradewatch.stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Uses the record's own (broker or producer) timestamp, never the figure's period: figures are
 * years old, and stamping records with their event time would let time-based retention delete
 * alerts and repartitioned figures at once. A record with an invalid timestamp falls back to
 * partition time, then to the wall clock, instead of stopping the stream.
 */
public final class RecordTimeExtractor implements TimestampExtractor {

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.timestamp() >= 0) {
      return record.timestamp();
    }
    return partitionTime >= 0 ? partitionTime : System.currentTimeMillis();
  }
}
