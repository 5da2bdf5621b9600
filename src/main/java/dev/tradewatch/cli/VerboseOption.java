package dev.tradewatch.cli;

import picocli.CommandLine.Option;

/**
 * {@code --verbose}: errors come with their stack trace ({@link ErrorHandler} reads the parsed
 * value through picocli's model of the failing command), and Kafka's benign warnings come back
 * ({@link QuietLoggers}).
 */
public final class VerboseOption {

  boolean verbose;

  @Option(
      names = "--verbose",
      description = "Print stack traces with errors, and Kafka's benign warnings.")
  void verbose(boolean on) {
    verbose = on;
    if (on) {
      QuietLoggers.restore();
    }
  }
}
