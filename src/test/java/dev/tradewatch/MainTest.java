package dev.tradewatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and one-line errors are part of the contract (docs/operations.md, "Exit codes"). */
class MainTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void shouldExitTwoWithOneLineForAnUnknownOption() {
    assertThat(execute("run", "--no-such-option")).isEqualTo(Main.USAGE);
    assertThat(err.toString())
        .isEqualTo(
            "tradewatch: Unknown option: '--no-such-option' (see: tradewatch run --help)"
                + System.lineSeparator());
  }

  @Test
  void shouldExitTwoWhenNoCommandIsGiven() {
    assertThat(execute()).isEqualTo(Main.USAGE);
    assertThat(err.toString().lines()).hasSize(1);
  }

  @Test
  void shouldExitTwoNamingTheKeyForBadConfiguration() {
    assertThat(execute("run", "--set", "tradewatch.rules.ytd-ratio.ratio=-3"))
        .isEqualTo(Main.USAGE);
    assertThat(err.toString())
        .isEqualTo(
            "tradewatch: tradewatch.rules.ytd-ratio.ratio: expected a number > 1, found -3"
                + System.lineSeparator());
  }

  @Test
  void shouldExitTwoForAnUnknownKey() {
    assertThat(execute("run", "--set", "tradewatch.no-such-key=1")).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("unknown configuration key tradewatch.no-such-key");
  }

  @Test
  void shouldSayPlainlyWhyAnInputOrConfigFileCannotBeRead() {
    String dir = Path.of(System.getProperty("java.io.tmpdir")).toString();
    String absent = Path.of(dir, "tradewatch-no-such-file.jsonl").toString();

    assertThat(execute("backtest", "--input", dir)).isEqualTo(Main.USAGE);
    assertThat(execute("backtest", "--input", absent)).isEqualTo(Main.USAGE);
    assertThat(execute("backtest", "--input", absent, "--config", dir)).isEqualTo(Main.USAGE);

    assertThat(err.toString().lines())
        .containsExactly(
            "tradewatch: --input: is a directory: " + dir,
            "tradewatch: --input: no such file: " + absent,
            "tradewatch: --config: is a directory: " + dir);
  }

  @Test
  void shouldExitTwoForAnInvalidKafkaSetting() {
    assertThat(execute("run", "--set", "kafka.security.protocol=CARRIER_PIGEON"))
        .isEqualTo(Main.USAGE);
    assertThat(err.toString()).startsWith("tradewatch: invalid kafka.* setting:").hasLineCount(1);
  }

  @Test
  void shouldExitOneWithOneLineWhenTheClusterCannotBeReached() {
    int code =
        execute(
            "run",
            "--bootstrap-servers",
            "127.0.0.1:1",
            "--set",
            "tradewatch.startup-timeout-seconds=2");

    assertThat(code).isEqualTo(Main.FAILURE);
    assertThat(err.toString())
        .isEqualTo(
            "tradewatch: cannot reach Kafka at 127.0.0.1:1 within 2 s" + System.lineSeparator());
  }

  @Test
  void shouldExitOneWithOneLineWhenTheHttpPortIsInUse() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int code =
          execute(
              "run",
              "--http-port",
              Integer.toString(taken.getLocalPort()),
              "--set",
              "tradewatch.http.bind-address=127.0.0.1",
              "--bootstrap-servers",
              "127.0.0.1:1");

      assertThat(code).isEqualTo(Main.FAILURE);
      assertThat(err.toString())
          .isEqualTo(
              "tradewatch: HTTP port "
                  + taken.getLocalPort()
                  + " on 127.0.0.1 is already in use (tradewatch.http.port)"
                  + System.lineSeparator());
    }
  }

  @Test
  void shouldExitOneWithOneLineWhenTheStateDirectoryCannotBeWritten() {
    int code =
        execute(
            "run",
            "--state-dir",
            "/proc/tradewatch-state",
            "--http-port",
            "0",
            "--set",
            "tradewatch.http.bind-address=127.0.0.1",
            "--bootstrap-servers",
            "127.0.0.1:1");

    assertThat(code).isEqualTo(Main.FAILURE);
    assertThat(err.toString())
        .startsWith("tradewatch: cannot create the state directory /proc/tradewatch-state")
        .hasLineCount(1);
  }

  @Test
  void shouldExitTwoBeforeTheBacktestWhenAnOutputFileCannotBeWritten(@TempDir Path dir)
      throws Exception {
    Path input = Files.writeString(dir.resolve("in.jsonl"), "{}\n");
    Path missing = dir.resolve("no-such-dir").resolve("alerts.jsonl");

    assertThat(execute("backtest", "--input", input.toString(), "--output", missing.toString()))
        .isEqualTo(Main.USAGE);
    assertThat(execute("backtest", "--input", input.toString(), "--output", dir.toString()))
        .isEqualTo(Main.USAGE);
    assertThat(
            execute("backtest", "--input", input.toString(), "--dead-letters", missing.toString()))
        .isEqualTo(Main.USAGE);

    assertThat(err.toString().lines())
        .containsExactly(
            "tradewatch: --output: no such directory: " + missing.getParent(),
            "tradewatch: --output: is a directory: " + dir,
            "tradewatch: --dead-letters: no such directory: " + missing.getParent());
  }

  @Test
  void shouldExitTwoNamingTheLineOfABadLabel(@TempDir Path dir) throws Exception {
    Path input = Files.writeString(dir.resolve("in.jsonl"), "{}\n");
    Path labels = Files.writeString(dir.resolve("labels.csv"), "TUR,AZE,2020-08,spike\n");

    assertThat(execute("backtest", "--input", input.toString(), "--labels", labels.toString()))
        .isEqualTo(Main.USAGE);
    assertThat(err.toString())
        .startsWith("tradewatch: --labels: " + labels + " line 1: unknown rule 'spike'")
        .hasLineCount(1);
  }

  @Test
  void shouldRefuseABusyHttpPortBeforeTheDemoStartsItsBroker() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int code = execute("demo", "--once", "--http-port", Integer.toString(taken.getLocalPort()));

      assertThat(code).isEqualTo(Main.FAILURE);
      assertThat(err.toString())
          .isEqualTo(
              "tradewatch: HTTP port "
                  + taken.getLocalPort()
                  + " on 127.0.0.1 is already in use (tradewatch.http.port); try --http-port 0"
                  + " for any free port"
                  + System.lineSeparator());
      assertThat(out.toString()).doesNotContain("Kafka broker");
    }
  }

  @Test
  void shouldAddTheStackTraceOnlyWithVerbose() {
    execute(
        "run",
        "--verbose",
        "--bootstrap-servers",
        "127.0.0.1:1",
        "--set",
        "tradewatch.startup-timeout-seconds=1");

    assertThat(err.toString().lines().count()).isGreaterThan(1);
    assertThat(err.toString()).contains("StartupException");
  }

  @Test
  void shouldPrintHelpAndExitZero() {
    assertThat(execute("run", "--help")).isEqualTo(Main.OK);
    assertThat(out.toString()).contains("--bootstrap-servers", "--config");
  }

  @Test
  void shouldPrintTheProjectVersion() {
    assertThat(execute("--version")).isEqualTo(Main.OK);
    assertThat(out.toString().strip()).matches("tradewatch \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }
}
