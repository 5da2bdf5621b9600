package dev.tradewatch.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Streams a figure file into figure JSON values, one per data line, without loading the file. Lines
 * that cannot become a figure are reported ({@code "line 17: reason"}) and left out, or in strict
 * mode fail the read with a {@link MalformedLineException}. Field values are not validated: the
 * stream does that.
 *
 * <p>Not thread-safe, except {@link #bytesRead()} and {@link #sizeBytes()}, which a progress
 * display may poll from another thread.
 */
public final class FigureFileReader implements AutoCloseable {

  private final LineSource lines;
  private final FileFormat format;
  private final LineFormat lineFormat;
  private final boolean strict;
  private final Consumer<String> malformedLineReporter;
  private long figures;
  private long malformed;
  private long skipped;

  private FigureFileReader(
      LineSource lines,
      FileFormat format,
      LineFormat lineFormat,
      boolean strict,
      Consumer<String> malformedLineReporter) {
    this.lines = lines;
    this.format = format;
    this.lineFormat = lineFormat;
    this.strict = strict;
    this.malformedLineReporter = malformedLineReporter;
  }

  /**
   * Opens {@code file} (gzip when its name ends in {@code .gz}) and, for csv and Comtrade, reads
   * its header.
   *
   * @param format null to detect it with {@link FileFormat#detect(Path)}
   * @param strict whether the first malformed line fails the read
   * @param malformedLineReporter receives {@code "line N: reason"} per malformed line when not
   *     strict; may be null
   * @throws MalformedLineException (line 1) when a csv or Comtrade header lacks a required column,
   *     in strict mode or not, since then no line can be read
   * @throws IllegalArgumentException when the format is null and cannot be detected
   */
  public static FigureFileReader open(
      Path file, FileFormat format, boolean strict, Consumer<String> malformedLineReporter)
      throws IOException {
    FileFormat chosen = format != null ? format : FileFormat.detect(file);
    Consumer<String> reporter =
        malformedLineReporter != null ? malformedLineReporter : message -> {};
    LineSource lines = LineSource.open(file);
    try {
      return new FigureFileReader(lines, chosen, lineFormat(chosen, lines), strict, reporter);
    } catch (IOException | RuntimeException e) {
      lines.close();
      throw e;
    }
  }

  private static LineFormat lineFormat(FileFormat format, LineSource lines) throws IOException {
    if (format == FileFormat.JSONL) {
      return new JsonLinesFormat();
    }
    byte[] header = lines.nextLine();
    if (header == null) {
      return line -> null; // empty file: never called
    }
    try {
      return format == FileFormat.CSV
          ? CsvFigureFormat.fromHeader(header)
          : ComtradeFormat.fromHeader(header);
    } catch (LineRejectedException e) {
      throw new MalformedLineException(lines.lineNumber(), e.getMessage());
    }
  }

  /**
   * The next figure's JSON (UTF-8 bytes), or {@code null} at the end of the file.
   *
   * @throws MalformedLineException in strict mode, at the first line that cannot become a figure
   */
  public byte[] next() throws IOException {
    byte[] line;
    while ((line = lines.nextLine()) != null) {
      if (lines.lastLineTooLong()) {
        malformed("longer than " + LineSource.MAX_LINE_BYTES + " bytes");
      } else if (!isBlank(line)) {
        try {
          byte[] figure = lineFormat.toFigure(line);
          if (figure != null) {
            figures++;
            return figure;
          }
          skipped++;
        } catch (LineRejectedException e) {
          malformed(e.getMessage());
        }
      }
    }
    return null;
  }

  /** The 1-based line number of the figure last returned by {@link #next()}. */
  public long lastLineNumber() {
    return lines.lineNumber();
  }

  /** The format being read (as given, or detected). */
  public FileFormat format() {
    return format;
  }

  /** Counts so far; final once {@link #next()} has returned null. */
  public ReadSummary summary() {
    return new ReadSummary(lines.lineNumber(), figures, malformed, skipped);
  }

  /** The file's size on disk (compressed size for gzip), for progress. */
  public long sizeBytes() {
    return lines.sizeBytes();
  }

  /**
   * Bytes of the file on disk consumed so far; {@code bytesRead() / sizeBytes()} is the progress.
   */
  public long bytesRead() {
    return lines.bytesRead();
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }

  private void malformed(String reason) {
    malformed++;
    if (strict) {
      throw new MalformedLineException(lines.lineNumber(), reason);
    }
    malformedLineReporter.accept(MalformedLineException.message(lines.lineNumber(), reason));
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
