package dev.tradewatch.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The input file formats of replay and backtest, chosen by name or detected from the file. */
public enum FileFormat {
  /** One JSON figure object per line ({@code .jsonl}, {@code .json}, {@code .ndjson}). */
  JSONL,
  /** CSV with a header naming the figure fields. */
  CSV,
  /** UN Comtrade+ CSV (API or bulk download). */
  COMTRADE;

  /** The lower-case name used on the command line. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a {@code --format} value, ignoring case.
   *
   * @throws IllegalArgumentException naming the valid formats
   */
  public static FileFormat parse(String name) {
    for (FileFormat format : values()) {
      if (name != null && format.cliName().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '" + name + "'; valid formats: " + validNames(", "));
  }

  /**
   * Detects the format from the file name (after a {@code .gz} suffix is removed) and, for {@code
   * .csv}, from the header: one naming freqCode and primaryValue is Comtrade+, any other is plain
   * csv.
   *
   * @throws IllegalArgumentException when the extension is not one of the known ones
   * @throws UncheckedIOException when a csv header cannot be read
   */
  public static FileFormat detect(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson")) {
      return JSONL;
    }
    if (name.endsWith(".csv")) {
      return ComtradeFormat.isComtradeHeader(firstLine(file)) ? COMTRADE : CSV;
    }
    throw new IllegalArgumentException(
        "cannot tell the format of "
            + file.getFileName()
            + " from its name (.jsonl, .json, .ndjson, .csv, optionally .gz); use --format "
            + validNames("|"));
  }

  private static byte[] firstLine(Path file) {
    try (LineSource lines = LineSource.open(file)) {
      byte[] line = lines.nextLine();
      return line == null ? new byte[0] : line;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the header of " + file, e);
    }
  }

  private static String validNames(String separator) {
    return Arrays.stream(values()).map(FileFormat::cliName).collect(Collectors.joining(separator));
  }
}
