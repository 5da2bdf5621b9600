package dev.tradewatch.bench;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * What one {@code bench} run measured; rates in records per second, latencies in milliseconds.
 * {@code bench --json} prints it as one flat object (the groups are unwrapped), the shape the
 * performance notes and goals refer to.
 */
public record BenchResult(
    @JsonUnwrapped Feed feed,
    @JsonUnwrapped Rates rates,
    @JsonUnwrapped Latency latency,
    Logic logicMicrosPerFigure,
    ClientCpu clientCpuMicrosPerFigure,
    @JsonUnwrapped Footprint footprint) {

  /** The generated feed and how the pipeline ran over it. */
  public record Feed(int records, int series, String guarantee, int instances) {}

  /** Throughput of each phase over the same feed. */
  public record Rates(
      double produceRatePerSec,
      double rawConsumerPerSec,
      double passThroughPerSec,
      double keyedStatePerSec,
      double pipelinePerSec) {}

  /** End-to-end latency at half the pipeline's rate, after warm-up. */
  public record Latency(double latencyP50Ms, double latencyP99Ms, int latencySamples) {

    static Latency none() {
      return new Latency(Double.NaN, Double.NaN, 0);
    }
  }

  /**
   * tradewatch's own work per figure without Kafka, in microseconds on one thread: parse and
   * validate, the internal figure serde round trip, and the series step (state read, rules, state
   * write).
   */
  public record Logic(double parse, double figureSerde, double seriesStep) {}

  /**
   * CPU time per figure of the keyed-state baseline's and the pipeline's Kafka Streams clients
   * (their stream, producer and consumer threads; not the shared broker's), in microseconds: the
   * cost of each, steadier between runs than their rates.
   */
  public record ClientCpu(double keyedState, double pipeline) {}

  /** State bytes per series after the pipeline phase, and heap in use at the end. */
  public record Footprint(double stateBytesPerSeries, long heapUsedBytes) {}
}
