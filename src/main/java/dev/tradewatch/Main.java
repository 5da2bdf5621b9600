package dev.tradewatch;

import dev.tradewatch.cli.ErrorHandler;
import dev.tradewatch.cli.QuietLoggers;
import dev.tradewatch.cli.TradewatchCommand;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of {@code target/tradewatch.jar}. Exit codes are part of the contract: 0 success, 1
 * runtime failure, 2 usage or configuration error, always with one line on stderr (a stack trace
 * only with {@code --verbose}). The only class that calls {@code System.exit}.
 */
public final class Main {

  public static final int OK = ErrorHandler.OK;
  public static final int FAILURE = ErrorHandler.FAILURE;
  public static final int USAGE = ErrorHandler.USAGE;

  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command and returns its exit code. */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs a command with the given output and error writers, and returns its exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    QuietLoggers.quiet(); // before any Kafka class logs; --verbose undoes it
    CommandLine cli = new CommandLine(new TradewatchCommand()).setOut(out).setErr(err);
    return ErrorHandler.install(cli).execute(args);
  }
}
