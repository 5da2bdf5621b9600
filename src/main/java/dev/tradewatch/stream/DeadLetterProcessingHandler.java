package dev.tradewatch.stream;

import dev.tradewatch.config.Topics;
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
 * {@code processing-error}, and processing resumes. Nothing is lost and nothing stalls.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

  static final String REASON = "processing-error";
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

  private String deadLetterTopic;

  @Override
  public void configure(Map<String, ?> configs) {
    Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    deadLetterTopic = topic == null ? Topics.DEFAULT_DEAD_LETTER : topic.toString();
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
    ProducerRecord<byte[], byte[]> letter =
        new ProducerRecord<>(
            deadLetterTopic, null, context.sourceRawKey(), context.sourceRawValue(), headers);
    return Response.resume(List.of(letter));
  }
}
