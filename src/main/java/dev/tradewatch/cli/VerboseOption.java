package dev.tradewatch.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: errors come with their stack trace. */
public final class VerboseOption {

  @Option(names = "--verbose", description = "Print stack traces with errors.")
  boolean verbose;
}
