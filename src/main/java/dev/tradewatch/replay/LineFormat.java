package dev.tradewatch.replay;

/** Turns one non-blank data line of a file into a figure's JSON bytes. */
interface LineFormat {

  /**
   * @return the figure's JSON bytes, or {@code null} when the line is deliberately skipped
   * @throws LineRejectedException when the line cannot be turned into a figure
   */
  byte[] toFigure(byte[] line) throws LineRejectedException;
}
