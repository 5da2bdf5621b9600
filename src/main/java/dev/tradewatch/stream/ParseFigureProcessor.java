package dev.tradewatch.stream;

import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.figures.FlowKey;
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
 * them. Accepted figures say whether they already sit on their flow's partition.
 */
final class ParseFigureProcessor implements FixedKeyProcessor<byte[], byte[], ParsedFigure> {

  private static final Logger LOG = LoggerFactory.getLogger(ParseFigureProcessor.class);

  private final FigureParser parser;
  private final PipelineMetrics metrics;
  private final int deadLetterMaxBytes;
  private final int flowPartitions;
  private FixedKeyProcessorContext<byte[], ParsedFigure> context;

  /**
   * @param flowPartitions the partitions of the input and the repartition topic alike, or 0 when
   *     unknown: then no figure is known to sit on its flow's partition
   */
  ParseFigureProcessor(
      FigureParser parser, PipelineMetrics metrics, int deadLetterMaxBytes, int flowPartitions) {
    this.parser = parser;
    this.metrics = metrics;
    this.deadLetterMaxBytes = deadLetterMaxBytes;
    this.flowPartitions = flowPartitions;
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
    RecordMetadata source = context.recordMetadata().orElse(null);
    if (validation.isAccepted()) {
      Figure figure = validation.figure();
      boolean onFlowPartition =
          flowPartitions > 0
              && source != null
              && source.partition()
                  == FlowPartitioner.partitionOf(FlowKey.of(figure.series()).id(), flowPartitions);
      context.forward(record.withValue(ParsedFigure.accepted(figure, onFlowPartition)));
      return;
    }
    Rejection rejection = validation.rejection();
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
    context.forward(record.withValue(ParsedFigure.rejected(value)).withHeaders(headers));
  }
}
