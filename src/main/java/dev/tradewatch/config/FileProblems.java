package dev.tradewatch.config;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Why a file given on the command line cannot be read, in plain words ("no such file: X", "is a
 * directory: X") rather than Java exception names.
 */
public final class FileProblems {

  private FileProblems() {}

  /** What stands in the way of reading {@code file} as a regular file; empty when nothing does. */
  public static Optional<String> of(Path file) {
    if (Files.isDirectory(file)) {
      return Optional.of("is a directory: " + file);
    }
    if (!Files.exists(file)) {
      return Optional.of("no such file: " + file);
    }
    if (!Files.isRegularFile(file)) {
      return Optional.of("not a regular file: " + file);
    }
    if (!Files.isReadable(file)) {
      return Optional.of("not readable (permission denied): " + file);
    }
    return Optional.empty();
  }

  /**
   * What stands in the way of writing {@code file} (created or replaced): it must not be a
   * directory, and its directory must exist and be writable. Empty when nothing does.
   */
  public static Optional<String> forWriting(Path file) {
    if (Files.isDirectory(file)) {
      return Optional.of("is a directory: " + file);
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null || !Files.exists(parent)) {
      return Optional.of("no such directory: " + parent);
    }
    if (!Files.isDirectory(parent)) {
      return Optional.of("not a directory: " + parent);
    }
    if (!Files.isWritable(parent) || Files.exists(file) && !Files.isWritable(file)) {
      return Optional.of("not writable (permission denied): " + file);
    }
    return Optional.empty();
  }

  /** Why reading {@code file} failed with {@code e}: {@link #of} if it says, else e's own words. */
  public static String describe(Path file, IOException e) {
    return of(file).orElseGet(() -> "cannot read " + file + ": " + reason(e));
  }

  private static String reason(IOException e) {
    String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
    return reason == null ? "read error" : reason;
  }
}
