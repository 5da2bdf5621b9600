package dev.tradewatch.cli;

import dev.tradewatch.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a command in this JVM as {@code java -jar tradewatch.jar} would, capturing its output. */
final class CommandITSupport {

  record Outcome(int exitCode, String out, String err) {}

  private CommandITSupport() {}

  static Outcome execute(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Outcome(code, out.toString(), err.toString());
  }
}
