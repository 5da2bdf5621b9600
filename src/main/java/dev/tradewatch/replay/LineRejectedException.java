package dev.tradewatch.replay;

/**
 * A format's verdict that one line cannot become a figure; the reader adds the line number. Checked
 * and without a stack trace, because it is an expected, possibly frequent outcome.
 */
final class LineRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  LineRejectedException(String reason) {
    super(reason, null, false, false);
  }
}
