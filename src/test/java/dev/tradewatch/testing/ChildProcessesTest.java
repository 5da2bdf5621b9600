package dev.tradewatch.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No child process outlives its test, nor the test JVM. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ChildProcessesTest {

  private static ProcessHandle startedByTheFirstTest;

  @RegisterExtension final ChildProcesses children = new ChildProcesses(Duration.ofSeconds(10));

  @Test
  @Order(1)
  void shouldLetAChildRunWhileItsTestRuns() throws IOException {
    Process sleep = children.start(new ProcessBuilder("sleep", "600"));
    startedByTheFirstTest = sleep.toHandle();

    assertThat(sleep.isAlive()).isTrue();
  }

  @Test
  @Order(2)
  void shouldHaveStoppedTheChildOfThePreviousTestWhenThatTestEnded() {
    assumeTrue(startedByTheFirstTest != null, "runs after shouldLetAChildRunWhileItsTestRuns");

    assertThat(startedByTheFirstTest.isAlive()).isFalse();
  }

  @Test
  void shouldKillAChildThatIgnoresSigtermOnceTheGraceHasPassed() throws IOException {
    ChildProcesses owner = new ChildProcesses(Duration.ofMillis(500));
    Process stubborn =
        owner.start(new ProcessBuilder("sh", "-c", "trap '' TERM; echo ready; exec sleep 600"));
    assertThat(firstLine(stubborn)).isEqualTo("ready"); // SIGTERM is ignored from here on

    owner.stopAll();

    assertThat(stubborn.isAlive()).isFalse();
    assertThat(stubborn.exitValue()).as("128 + SIGKILL").isEqualTo(137);
  }

  @Test
  void shouldStopTheChildrenOfAJvmThatExits() throws Exception {
    Process jvm =
        children.start(
            new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                JvmWithAChild.class.getName()));
    long sleepPid = Long.parseLong(firstLine(jvm));

    assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Optional<ProcessHandle> left =
        ProcessHandle.of(sleepPid)
            .filter(ProcessHandle::isAlive)
            .filter(h -> h.info().command().map(c -> c.endsWith("sleep")).orElse(false));
    left.ifPresent(ProcessHandle::destroyForcibly);
    assertThat(left).as("sleep %d outlived the JVM that started it", sleepPid).isEmpty();
  }

  private static String firstLine(Process process) throws IOException {
    return new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
        .readLine();
  }

  /** A JVM that starts {@code sleep 600} through {@link ChildProcesses}, prints its pid, exits. */
  public static final class JvmWithAChild {

    private JvmWithAChild() {}

    public static void main(String[] args) throws IOException {
      Process sleep = new ChildProcesses().start(new ProcessBuilder("sleep", "600"));
      System.out.println(sleep.pid());
      System.out.flush();
    }
  }
}
