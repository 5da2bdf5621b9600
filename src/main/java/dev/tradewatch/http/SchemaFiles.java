package dev.tradewatch.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON Schemas of the input figure and of the alert, as shipped in the jar ({@code
 * /schema/*.json} on the classpath), read once and served at the same paths.
 */
final class SchemaFiles {

  static final String PREFIX = "/schema";
  static final String MEDIA_TYPE = "application/schema+json";
  static final String FIGURE = PREFIX + "/figure.json";
  static final String ALERT = PREFIX + "/alert.json";

  private final Map<String, byte[]> files = new LinkedHashMap<>();

  SchemaFiles() {
    for (String path : new String[] {FIGURE, ALERT}) {
      files.put(path, read(path));
    }
  }

  /** Whether {@code path} asks for a schema, known or not. */
  static boolean isSchemaPath(String path) {
    return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
  }

  /** The schema at {@code path}, exactly as shipped. */
  Optional<byte[]> find(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /** The paths served, for a 404 to name. */
  String paths() {
    return String.join(", ", files.keySet());
  }

  private static byte[] read(String path) {
    try (InputStream in = SchemaFiles.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the classpath (a broken build)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + " from the classpath", e);
    }
  }
}
