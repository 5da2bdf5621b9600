package dev.tradewatch.cli;

import dev.tradewatch.config.ConfigException;
import java.io.PrintWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place that turns a failure into an exit code and one line on stderr: 2 for bad usage or
 * configuration, 1 for anything that failed while running. The stack trace follows only with {@code
 * --verbose}.
 */
public final class ErrorHandler
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  private static final Pattern NOT_A_NUMBER =
      Pattern.compile("Invalid value for option '([^']+)': '(.*)' is not an? (\\w+)");
  private static final Pattern NOT_KEY_VALUE =
      Pattern.compile(
          "Value for option option '([^']+)' \\((.*)\\) should be in KEY=VALUE format but was (.*)");

  /** A command line with this handler for both kinds of failure. */
  public static CommandLine install(CommandLine commandLine) {
    ErrorHandler handler = new ErrorHandler();
    return commandLine.setParameterExceptionHandler(handler).setExecutionExceptionHandler(handler);
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    command
        .getErr()
        .println(
            "tradewatch: "
                + plainUsageMessage(ex)
                + " (see: "
                + command.getCommandSpec().qualifiedName()
                + " --help)");
    command.getErr().flush();
    return USAGE;
  }

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    err.println("tradewatch: " + firstLine(ex));
    if (isVerbose(commandLine)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ex instanceof ConfigException ? USAGE : FAILURE;
  }

  /**
   * picocli's wording, said as the rest of tradewatch says it ("--rate: expected a number, found
   * abc").
   */
  static String plainUsageMessage(ParameterException ex) {
    if (ex instanceof CommandLine.UnmatchedArgumentException unmatched
        && !unmatched.isUnknownOption()) { // picocli says "Unmatched argument at index 0"
      return "unexpected argument '" + String.join(" ", unmatched.getUnmatched()) + "'";
    }
    String message = firstLine(ex);
    Matcher number = NOT_A_NUMBER.matcher(message);
    if (number.find()) {
      String expected =
          switch (number.group(3)) {
            case "int", "long", "Integer", "Long" -> "a whole number";
            case "double", "float", "Double", "Float" -> "a number";
            default -> "a " + number.group(3);
          };
      return number.group(1) + ": expected " + expected + ", found " + number.group(2);
    }
    Matcher keyValue = NOT_KEY_VALUE.matcher(message);
    if (keyValue.find()) {
      return keyValue.group(1) + ": expected KEY=VALUE, found " + keyValue.group(3);
    }
    return message;
  }

  private static boolean isVerbose(CommandLine commandLine) {
    OptionSpec verbose = commandLine.getCommandSpec().findOption("--verbose");
    return verbose != null && Boolean.TRUE.equals(verbose.getValue());
  }

  private static String firstLine(Exception ex) {
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
