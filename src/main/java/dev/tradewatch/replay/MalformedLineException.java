package dev.tradewatch.replay;

/**
 * A line of an input file that cannot be turned into a figure at all (or a header that makes the
 * whole file unreadable). Thrown in strict mode, so a run fails at the first bad line and says
 * where.
 */
public final class MalformedLineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long lineNumber;
  private final String reason;

  public MalformedLineException(long lineNumber, String reason) {
    super(message(lineNumber, reason));
    this.lineNumber = lineNumber;
    this.reason = reason;
  }

  static String message(long lineNumber, String reason) {
    return "line " + lineNumber + ": " + reason;
  }

  /** The 1-based physical line number in the (decompressed) file. */
  public long lineNumber() {
    return lineNumber;
  }

  /** Why the line was rejected, without the line number. */
  public String reason() {
    return reason;
  }
}
