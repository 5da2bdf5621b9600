package dev.tradewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tradewatch.testing.BrokerPerClass;
import dev.tradewatch.testing.ChildProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A requested stop is a clean exit: {@code run} and {@code broker} on SIGTERM and {@code demo} on
 * Ctrl-C (SIGINT) exit 0 once they have cleaned up, as supervisors expect, not the JVM's
 * 128+signal. Each command runs in a JVM of its own, started from this test's classpath and owned
 * by {@link ChildProcesses}, so that none outlives its test.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hung broker or client fails the test, not CI
class StopExitCodeIT extends BrokerPerClass {

  /** Starting a JVM with a broker or monitor on a loaded 2-core machine; the stop gets the rest. */
  private static final Duration READY_WITHIN = Duration.ofMinutes(3);

  private static final Duration STOPPED_WITHIN = Duration.ofSeconds(90);

  @RegisterExtension final ChildProcesses children = new ChildProcesses();

  @TempDir Path dir;

  @Test
  void shouldExitZeroWhenRunIsStoppedWithSigterm() throws Exception {
    String id = "stop-" + UUID.randomUUID().toString().substring(0, 8);
    Process run =
        start(
            "run",
            "--bootstrap-servers",
            broker.bootstrapServers(),
            "--application-id",
            id,
            "--state-dir",
            dir.resolve("state").toString(),
            "--http-port",
            "0",
            "--set",
            "tradewatch.topics.input=" + id + ".figures",
            "--set",
            "tradewatch.topics.alerts=" + id + ".alerts",
            "--set",
            "tradewatch.topics.dead-letter=" + id + ".dlq",
            "--set",
            "tradewatch.topics.replication-factor=1");
    awaitOutput(run, "Streams state REBALANCING -> RUNNING");
    run.destroy(); // SIGTERM

    assertStops(run);
    assertThat(run.exitValue()).as(output()).isZero();
    assertThat(output()).contains("Streams state PENDING_SHUTDOWN -> NOT_RUNNING");
  }

  @Test
  void shouldExitZeroWhenTheBrokerIsStoppedWithSigterm() throws Exception {
    Process process = start("broker", "--port", "0");
    awaitOutput(process, "Kafka broker listening on");
    process.destroy(); // SIGTERM

    assertStops(process);
    assertThat(process.exitValue()).as(output()).isZero();
  }

  @Test
  void shouldExitZeroWhenTheDemoIsStoppedWithCtrlC() throws Exception {
    Process demo =
        start("demo", "--http-port", "0", "--set", "tradewatch.state-dir=" + dir.resolve("demo"));
    awaitOutput(demo, "Serving until Ctrl-C.");
    Process ctrlC = children.start(new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())));
    assertThat(ctrlC.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertStops(demo);
    assertThat(demo.exitValue()).as(output()).isZero();
    try (var left = Files.list(dir.resolve("demo"))) {
      assertThat(left).as("the demo's state directory is deleted on exit").isEmpty();
    }
  }

  /**
   * Waits for {@code process} to exit; when it does not, fails with the end of its output and a
   * thread dump (SIGQUIT: the JVM prints one to the output), so that a hang says where it hangs.
   */
  private void assertStops(Process process) throws Exception {
    if (process.waitFor(STOPPED_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
      return;
    }
    children
        .start(new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())))
        .waitFor(30, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!output().contains("Full thread dump") && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    String output = output();
    fail(
        "still running %s after the stop; the end of its output, threads included:%n%s",
        STOPPED_WITHIN, output.substring(Math.max(0, output.length() - 60_000)));
  }

  private Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    if (sigintIgnored()) {
      // as a terminal would: the demo's Ctrl-C must reach it even where this JVM ignores SIGINT
      command.addAll(List.of("env", "--default-signal=INT"));
    }
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.tradewatch.Main"));
    command.addAll(List.of(args));
    return children.start(
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("output.log").toFile()));
  }

  /**
   * Whether this JVM ignores SIGINT (Linux), as everything started in the background by a
   * non-interactive shell does, CI runners included; the commands it starts would inherit that and
   * never see the test's Ctrl-C.
   */
  private static boolean sigintIgnored() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("SigIgn:")) {
          return (Long.parseLong(line.substring("SigIgn:".length()).strip(), 16) & 0b10) != 0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: signals are as the shell left them
    }
    return false;
  }

  private void awaitOutput(Process process, String text) throws IOException {
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    while (!output().contains(text)) {
      assertThat(process.isAlive()).as("exited before printing %s: %s", text, output()).isTrue();
      assertThat(System.nanoTime()).as("waiting for %s: %s", text, output()).isLessThan(deadline);
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }

  private String output() {
    try {
      Path log = dir.resolve("output.log");
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return "(output unreadable: " + e.getMessage() + ")";
    }
  }
}
