package dev.tradewatch.isolated;

/**
 * A figure the stream refused, traced back to its line of the file.
 *
 * @param line the 1-based line number, or 0 when the dead letter cannot be traced to a line (a
 *     {@code processing-error} raised after the repartition step names the repartition topic)
 * @param reason the dead-letter reason ({@code bad-period}, …)
 * @param field the field at fault, empty for the whole record
 * @param detail a short human explanation
 * @param text the record's value as produced: the line itself for jsonl, the figure JSON the line
 *     became for csv and Comtrade
 */
public record RejectedLine(long line, String reason, String field, String detail, String text) {

  /** Whether {@link #line} is known. */
  public boolean hasLine() {
    return line > 0;
  }
}
