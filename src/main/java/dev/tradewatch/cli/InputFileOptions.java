package dev.tradewatch.cli;

import dev.tradewatch.config.ConfigException;
import dev.tradewatch.config.FileProblems;
import dev.tradewatch.replay.FileFormat;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --input}, {@code --format}, {@code --strict}: the figure file of {@code replay} and {@code
 * backtest}.
 */
public final class InputFileOptions {

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description = "The figures (.jsonl, .csv; .gz allowed).")
  Path input;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "jsonl, csv or comtrade (default: from the extension and header).")
  String format;

  @Option(
      names = "--strict",
      description = "Fail on the first malformed line instead of skipping it.")
  boolean strict;

  /**
   * Checks the file and settles its format up front, so that mistakes are usage errors (exit 2).
   */
  FileFormat checkedFormat() {
    if (input == null) {
      throw new ConfigException("--input: a file is required");
    }
    FileProblems.of(input)
        .ifPresent(
            problem -> {
              throw new ConfigException("--input: " + problem);
            });
    try {
      return format == null ? FileFormat.detect(input) : FileFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--format: " + e.getMessage());
    }
  }
}
