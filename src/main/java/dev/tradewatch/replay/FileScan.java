package dev.tradewatch.replay;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * A first pass over a file, before anything is produced: in strict mode it fails at the first
 * malformed line (so a strict run produces nothing from a file with one), and it finds the latest
 * valid {@code publishedAt}, where a backtest starts its record timestamps. Malformed lines are not
 * reported here; the producing pass reports them.
 *
 * @param latestPublishedAt the latest {@code publishedAt} that is a valid ISO-8601 instant, if any
 */
public record FileScan(long figures, Optional<Instant> latestPublishedAt) {

  /**
   * Reads the whole file.
   *
   * @throws MalformedLineException in strict mode, at the first line that cannot become a figure
   */
  public static FileScan of(FileReplay.Input input) throws IOException {
    Instant latest = null;
    long figures = 0;
    try (FigureFileReader reader =
        FigureFileReader.open(input.file(), input.format(), input.strict(), null)) {
      for (byte[] value = reader.next(); value != null; value = reader.next()) {
        figures++;
        Instant published = FigureFlow.of(value).publishedAt();
        if (published != null && (latest == null || published.isAfter(latest))) {
          latest = published;
        }
      }
    }
    return new FileScan(figures, Optional.ofNullable(latest));
  }
}
