package dev.tradewatch.stream;

import dev.tradewatch.domain.figures.Rejection;
import dev.tradewatch.domain.figures.Validation;
import dev.tradewatch.metrics.PipelineMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses and validates each input record. Refused records keep their original bytes and headers and
 * gain the dead-letter headers (reason, field, source coordinates), so the next node can route
 * them.
 */
final class ParseFigureProcessor implements FixedKeyProcessor<byte[], byte[], ParsedFigure> {

  private static final Logger LOG = LoggerFactory.getLogger(ParseFigureProcessor.class);

  private final FigureParser parser;
  private final PipelineMetrics metrics;
  private final int deadLetterMaxBytes;
  private FixedKeyProcessorContext<byte[], ParsedFigure> context;

  ParseFigureProcessor(FigureParser parser, PipelineMetrics metrics, int deadLetterMaxBytes) {
    this.parser = parser;
    this.metrics = metrics;
    this.deadLetterMaxBytes = deadLetterMaxBytes;
  }

  @Override
  public void init(FixedKeyProcessorContext<byte[], ParsedFigure> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<byte[], byte[]> record) {
    // without a publishedAt, the record's own timestamp orders revisions (docs/contract.md, "Input
    // figure")
    Validation validation = parser.parse(record.value(), Instant.ofEpochMilli(record.timestamp()));
    if (validation.isAccepted()) {
      context.forward(record.withValue(new ParsedFigure(validation.figure(), null)));
      return;
    }
    Rejection rejection = validation.rejection();
    RecordMetadata source = context.recordMetadata().orElse(null);
    String topic = source == null ? "" : source.topic();
    int partition = source == null ? -1 : source.partition();
    long offset = source == null ? -1 : source.offset();
    LOG.debug("Dead-lettering {}-{}@{}: {}", topic, partition, offset, rejection);
    metrics.rejected(rejection.reason());
    Headers headers =
        DeadLetterHeaders.of(
            record.headers(),
            rejection.reason().wireName(),
            rejection.field(),
            rejection.detail(),
            topic,
            partition,
            offset);
    byte[] value = record.value();
    if (value != null
        && value.length > deadLetterMaxBytes) { // it would not fit the dead-letter topic
      headers.add(
          DeadLetterHeaders.TRUNCATED_FROM,
          Integer.toString(value.length).getBytes(StandardCharsets.UTF_8));
      value = Arrays.copyOf(value, deadLetterMaxBytes);
    }
    context.forward(record.withValue(new ParsedFigure(null, value)).withHeaders(headers));
  }
}
