package dev.tradewatch.stream;

import dev.tradewatch.config.Topics;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * The Kafka Streams settings tradewatch always sets, whoever runs the topology. The exception
 * handlers are explicit because the defaults are not what one expects: input is read as raw bytes
 * and judged by the parser, an unexpected processing error dead-letters its record and carries on,
 * and a failure to write (an alert, say) stops the client rather than silently losing it. Dead
 * letters are cut to fit their topic before they are written ({@link DeadLetterLimits}).
 */
public final class StreamsDefaults {

  private StreamsDefaults() {}

  public static Properties forTopics(Topics topics) {
    Properties props = new Properties();
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, RecordTimeExtractor.class);
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class);
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
    props.put(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DefaultProductionExceptionHandler.class);
    // the handlers above (and Kafka's own, for internal topics) write dead letters here
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetter());
    props.putAll(throughputTuning());
    return props;
  }

  /**
   * Producer batching ({@link #producerBatching}) and no task idling: a flow task reads two
   * partitions, the input's and the flows' repartition topic's, and the latter stays empty when the
   * input is keyed by flow. Tracking does not depend on the order between the two
   * (OrderIndependenceProperties), so a task need not wait for either; at the default (0) Kafka
   * Streams also formats a note about an empty partition for every record it processes. {@code
   * bench}'s pass-through and keyed-state baseline use the same.
   */
  public static Properties throughputTuning() {
    Properties props = producerBatching();
    props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
    return props;
  }

  /**
   * Producer batching for the changelog, repartition and alert writes: linger.ms 20 instead of
   * Kafka Streams' 100, so batches leave while the thread still processes rather than all at the
   * commit's flush, and batch.size 256 KiB instead of 16 KiB. Set unprefixed so that {@code
   * kafka.linger.ms} and {@code kafka.producer.linger.ms} (likewise batch.size) both replace them.
   */
  private static Properties producerBatching() {
    Properties props = new Properties();
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    return props;
  }
}
