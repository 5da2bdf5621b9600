package dev.tradewatch.stream;

import dev.tradewatch.domain.figures.Figure;

/**
 * An input record after parsing: a figure, or the original bytes of a record bound for the
 * dead-letter topic.
 */
record ParsedFigure(Figure figure, byte[] rejectedBytes) {

  boolean isRejected() {
    return figure == null;
  }
}
