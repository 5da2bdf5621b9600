package dev.tradewatch.cli;

import picocli.CommandLine.Option;

/**
 * {@code --verbose}: errors come with their stack trace. {@link ErrorHandler} reads the parsed
 * value through picocli's model of the failing command.
 */
public final class VerboseOption {

  @Option(names = "--verbose", description = "Print stack traces with errors.")
  boolean verbose;
}
