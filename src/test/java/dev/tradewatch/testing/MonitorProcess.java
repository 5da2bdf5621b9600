package dev.tradewatch.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code tradewatch run} in a JVM of its own, started from this test's classpath, so that it can be
 * SIGKILLed. Started through the test's {@link ChildProcesses}, so that it ends with the test.
 */
public final class MonitorProcess {

  private final List<String> args;
  private final Path log;
  private final ChildProcesses children;
  private Process process;

  public MonitorProcess(List<String> runArgs, Path log, ChildProcesses children) {
    this.args = List.copyOf(runArgs);
    this.log = log;
    this.children = children;
  }

  public void start() throws IOException {
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
        children.start(
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())));
  }

  /** SIGKILL: no shutdown hook, no clean close, a transaction possibly open. */
  public void kill() throws InterruptedException {
    if (!process.destroyForcibly().waitFor(1, TimeUnit.MINUTES)) {
      throw new AssertionError("run " + process.pid() + " still alive a minute after SIGKILL");
    }
  }

  /** SIGTERM and wait for the clean shutdown (Kafka Streams closes within 30 s). */
  public int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      throw new AssertionError("run did not stop within 2 minutes of SIGTERM; log in " + log);
    }
    return process.exitValue();
  }

  public boolean isAlive() {
    return process.isAlive();
  }
}
