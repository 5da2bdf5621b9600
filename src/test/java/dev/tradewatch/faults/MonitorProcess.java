package dev.tradewatch.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tradewatch run} in a JVM of its own, started from this test's classpath, so that it can be
 * SIGKILLed.
 */
final class MonitorProcess {

  private final List<String> args;
  private final Path log;
  private Process process;

  MonitorProcess(List<String> runArgs, Path log) {
    this.args = List.copyOf(runArgs);
    this.log = log;
  }

  void start() throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.tradewatch.Main",
                "run"));
    command.addAll(args);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
  }

  /** SIGKILL: no shutdown hook, no clean close, a transaction possibly open. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** SIGTERM and wait for the clean shutdown. */
  int stop() throws InterruptedException {
    process.destroy();
    return process.waitFor();
  }

  boolean isAlive() {
    return process.isAlive();
  }
}
