package dev.tradewatch.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Collection;
import java.util.List;

/**
 * What the metrics endpoint leaves out, or adds, besides tradewatch's own meters: CPU time in
 * seconds instead of nanoseconds, and no underscore twins of Kafka's topic-level metrics.
 */
public final class ExportedMeters {

  /** Micrometer's process CPU time in nanoseconds ({@code process_cpu_time_ns_total}). */
  static final String CPU_NANOSECONDS = "process.cpu.time";

  private ExportedMeters() {}

  /**
   * Filters {@code registry} and binds {@link ProcessCpuMetrics}; call before any other meter is
   * registered (a filter applies only to meters registered after it).
   *
   * @param topics the topics this application reads or writes
   * @param applicationId its Kafka Streams application id, the prefix of its internal topics
   */
  public static void configure(
      MeterRegistry registry, Collection<String> topics, String applicationId) {
    registry
        .config()
        .meterFilter(MeterFilter.denyNameStartsWith(CPU_NANOSECONDS))
        .meterFilter(kafkaTopicTwins(topics, applicationId));
    new ProcessCpuMetrics().bindTo(registry);
  }

  /**
   * Kafka's consumer registers every topic-level metric of a topic whose name holds a dot twice:
   * under the topic's name ({@code trade.figures}) and, deprecated, with dots replaced by
   * underscores ({@code trade_figures}). This denies the underscore twins of the given topics and
   * of the internal topics ({@code <applicationId>-…}), keeping the real names. A topic whose own
   * name has underscores and no dot has no twin and is kept.
   */
  static MeterFilter kafkaTopicTwins(Collection<String> topics, String applicationId) {
    List<String> twins =
        topics.stream().filter(ExportedMeters::hasDot).map(ExportedMeters::twin).toList();
    String internalTwinPrefix = hasDot(applicationId) ? twin(applicationId) + "-" : null;
    return new MeterFilter() {
      @Override
      public MeterFilterReply accept(Meter.Id id) {
        String topic = id.getName().startsWith("kafka.") ? id.getTag("topic") : null;
        boolean twin =
            topic != null
                && (twins.contains(topic)
                    || internalTwinPrefix != null && topic.startsWith(internalTwinPrefix));
        return twin ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
      }
    };
  }

  private static boolean hasDot(String name) {
    return name.indexOf('.') >= 0;
  }

  private static String twin(String name) {
    return name.replace('.', '_');
  }
}
