package dev.tradewatch.stream;

import dev.tradewatch.domain.figures.Figure;

/**
 * An input record after parsing: a figure, or the original bytes of a record bound for the
 * dead-letter topic.
 *
 * @param onFlowPartition whether the figure was read from the partition its flow is tracked on
 *     ({@link FlowPartitioner}), so that it need not go through the repartition topic
 */
record ParsedFigure(Figure figure, byte[] rejectedBytes, boolean onFlowPartition) {

  static ParsedFigure accepted(Figure figure, boolean onFlowPartition) {
    return new ParsedFigure(figure, null, onFlowPartition);
  }

  static ParsedFigure rejected(byte[] originalBytes) {
    return new ParsedFigure(null, originalBytes, false);
  }

  boolean isRejected() {
    return figure == null;
  }
}
