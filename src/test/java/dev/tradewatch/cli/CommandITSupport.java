package dev.tradewatch.cli;

import dev.tradewatch.Main;
import dev.tradewatch.testing.Schemas;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a command in this JVM as {@code java -jar tradewatch.jar} would, capturing its output; the
 * alerts a backtest writes with {@code --output} are checked against the alert schema.
 */
final class CommandITSupport {

  record Outcome(int exitCode, String out, String err) {}

  private CommandITSupport() {}

  static Outcome execute(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    if (code == 0) {
      checkAlertOutput(args);
    }
    return new Outcome(code, out.toString(), err.toString());
  }

  private static void checkAlertOutput(String... args) {
    List<String> given = List.of(args);
    int output = given.indexOf("--output");
    if (!given.isEmpty() && given.get(0).equals("backtest") && output > 0) {
      try {
        for (String line : Files.readAllLines(Path.of(given.get(output + 1)))) {
          Schemas.alert(line.getBytes(StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
