package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.metrics.PipelineMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetterProcessingHandlerTest {

  @Test
  void shouldDeadLetterTheSourceRecordAndCountItAsAProcessingError() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
    handler.configure(
        Map.of(
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
            "letters",
            DeadLetterProcessingHandler.METRICS_CONFIG,
            new PipelineMetrics(registry)));

    ProcessingExceptionHandler.Response response =
        handler.handleError(
            new Context(), new Record<>("key", "value", 0L), new IllegalStateException("bug"));

    assertThat(response.deadLetterQueueRecords())
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.topic()).isEqualTo("letters");
              assertThat(
                      new String(
                          letter.headers().lastHeader("tradewatch.error.reason").value(),
                          StandardCharsets.UTF_8))
                  .isEqualTo("processing-error");
            });
    assertThat(
            registry
                .get(PipelineMetrics.REJECTED)
                .tag("reason", "processing-error")
                .counter()
                .count())
        .isEqualTo(1);
  }

  /** Where the failing record came from. */
  private static final class Context implements ErrorHandlerContext {
    @Override
    public String topic() {
      return "trade.figures";
    }

    @Override
    public int partition() {
      return 0;
    }

    @Override
    public long offset() {
      return 42;
    }

    @Override
    public Headers headers() {
      return new RecordHeaders();
    }

    @Override
    public String processorNodeId() {
      return "parse-figures";
    }

    @Override
    public TaskId taskId() {
      return new TaskId(0, 0);
    }

    @Override
    public long timestamp() {
      return 0;
    }

    @Override
    public byte[] sourceRawKey() {
      return null;
    }

    @Override
    public byte[] sourceRawValue() {
      return "{}".getBytes(StandardCharsets.UTF_8);
    }
  }
}
