package dev.tradewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Nothing at WARN or ERROR when nothing is wrong: the demo (broker, monitor and replay in one JVM,
 * the busiest ordinary run) logs neither, so that such a line can page someone. Its state lives
 * under target/, not the OS temp directory, which Kafka Streams rightly warns about.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hung broker or client fails the test, not CI
class QuietLogsIT {

  @Test
  void shouldLogNoWarningOrErrorInAnOrdinaryDemoRun() throws Exception {
    Path state = Path.of("target", "quiet-logs-" + UUID.randomUUID()).toAbsolutePath();
    Path log = Files.createTempFile("quiet-logs", ".log");
    Process demo =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.tradewatch.Main",
                "demo",
                "--once",
                "--http-port",
                "0",
                "--set",
                "tradewatch.state-dir=" + state)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      assertThat(demo.waitFor(4, TimeUnit.MINUTES)).isTrue();
      String output = Files.readString(log);
      assertThat(demo.exitValue()).as(output).isZero();
      List<String> loud =
          output
              .lines()
              .filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
              .toList();
      assertThat(loud).as(output).isEmpty();
      assertThat(output).contains("All figures processed");
    } finally {
      demo.destroyForcibly();
      Files.deleteIfExists(log);
    }
  }
}
