package dev.tradewatch.stream;

import dev.tradewatch.config.Topics;
import dev.tradewatch.metrics.PipelineMetrics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An unexpected exception while processing a record (a bug, not bad input: the parser refuses bad
 * input without throwing) sends the record's source bytes to the dead-letter topic with reason
 * {@code processing-error}, and processing resumes. Nothing is lost and nothing stalls. Counted in
 * the {@link PipelineMetrics} given as {@link #METRICS_CONFIG} (Kafka Streams creates the handler
 * from its class name, so the metrics come through the configuration).
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

  /** Streams property holding the {@link PipelineMetrics} instance to count in; optional. */
  public static final String METRICS_CONFIG = "tradewatch.pipeline-metrics";

  static final String REASON = PipelineMetrics.PROCESSING_ERROR;
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

  private String deadLetterTopic;
  private PipelineMetrics metrics = PipelineMetrics.discarding();

  @Override
  public void configure(Map<String, ?> configs) {
    Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    deadLetterTopic = topic == null ? Topics.DEFAULT_DEAD_LETTER : topic.toString();
    if (configs.get(METRICS_CONFIG) instanceof PipelineMetrics configured) {
      metrics = configured;
    }
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    LOG.error(
        "Processing failed at {}-{}@{} in {}; record dead-lettered",
        context.topic(),
        context.partition(),
        context.offset(),
        context.processorNodeId(),
        exception);
    Headers headers =
        DeadLetterHeaders.of(
            context.headers(),
            REASON,
            "",
            exception.getClass().getName() + ": " + exception.getMessage(),
            context.topic(),
            context.partition(),
            context.offset());
    metrics.processingError();
    ProducerRecord<byte[], byte[]> letter =
        new ProducerRecord<>(
            deadLetterTopic, null, context.sourceRawKey(), context.sourceRawValue(), headers);
    return Response.resume(List.of(letter));
  }
}
