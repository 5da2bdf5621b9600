package dev.tradewatch;

import dev.tradewatch.cli.TradewatchCommand;
import dev.tradewatch.config.ConfigException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Entry point of {@code target/tradewatch.jar}. Exit codes are part of the contract: 0 success, 1
 * runtime failure, 2 usage or configuration error, always with one line on stderr (a stack trace
 * only with {@code --verbose}). The only class that calls {@code System.exit}.
 */
public final class Main {

  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

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
    boolean verbose = Arrays.asList(args).contains("--verbose");
    CommandLine cli = new CommandLine(new TradewatchCommand()).setOut(out).setErr(err);
    cli.setParameterExceptionHandler(
        (ex, arguments) -> {
          ex.getCommandLine()
              .getErr()
              .println(
                  "tradewatch: "
                      + ex.getMessage()
                      + " (see: "
                      + ex.getCommandLine().getCommandSpec().qualifiedName()
                      + " --help)");
          return USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println("tradewatch: " + oneLine(ex));
          if (verbose) {
            ex.printStackTrace(commandLine.getErr());
          }
          commandLine.getErr().flush();
          return ex instanceof ConfigException ? USAGE : FAILURE;
        });
    return cli.execute(args);
  }

  private static String oneLine(Exception ex) {
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
