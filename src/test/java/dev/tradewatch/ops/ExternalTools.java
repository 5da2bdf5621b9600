package dev.tradewatch.ops;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds Debian's {@code prometheus}, {@code promtool} and {@code docker-compose} on the PATH. Where
 * one is missing the test is skipped with the install command, except under {@code .ci/run} (which
 * installs them and sets {@code CI_REQUIRE_TOOLS=1}), where a missing tool fails the build.
 */
final class ExternalTools {

  private ExternalTools() {}

  static Path require(String tool, String debianPackage) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String message = tool + " is not installed (apt-get install " + debianPackage + ")";
    if (System.getenv("CI_REQUIRE_TOOLS") != null) {
      fail(message);
    }
    Assumptions.abort(message);
    return null;
  }

  /** Runs a command to completion (bounded) and returns its exit code and combined output. */
  static Result run(Path workingDir, List<String> command)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .directory(workingDir.toFile())
            .redirectErrorStream(true)
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " did not finish within 120 s");
    }
    return new Result(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  record Result(int exitCode, String output) {}
}
