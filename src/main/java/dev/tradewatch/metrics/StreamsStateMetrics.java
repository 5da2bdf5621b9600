package dev.tradewatch.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code tradewatch_streams_state{state=...}}: 1 for the state the Kafka Streams client is in, 0
 * for the others.
 */
public final class StreamsStateMetrics implements MeterBinder {

  public static final String STATE = "tradewatch.streams.state";

  private final Supplier<KafkaStreams.State> state;

  public StreamsStateMetrics(Supplier<KafkaStreams.State> state) {
    this.state = state;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (KafkaStreams.State value : KafkaStreams.State.values()) {
      Gauge.builder(STATE, state, current -> current.get() == value ? 1 : 0)
          .description("Kafka Streams client state: 1 for the current state")
          .tag("state", value.name().toLowerCase(Locale.ROOT))
          .strongReference(true) // the supplier is often a method reference nobody else holds
          .register(registry);
    }
  }
}
