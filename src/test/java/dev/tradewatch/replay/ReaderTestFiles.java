package dev.tradewatch.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes test input files and reads them back through {@link FigureFileReader}. */
final class ReaderTestFiles {

  static final ObjectMapper JSON = new ObjectMapper();

  private ReaderTestFiles() {}

  static Path write(Path dir, String name, String content) throws IOException {
    return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
  }

  static Path writeGzip(Path dir, String name, String content) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  /**
   * Every figure of {@code file} as a UTF-8 string; malformed-line reports go to {@code reports}.
   */
  static List<String> readAll(Path file, FileFormat format, List<String> reports)
      throws IOException {
    List<String> figures = new ArrayList<>();
    try (FigureFileReader reader = FigureFileReader.open(file, format, false, reports::add)) {
      for (byte[] figure = reader.next(); figure != null; figure = reader.next()) {
        figures.add(new String(figure, StandardCharsets.UTF_8));
      }
    }
    return figures;
  }

  static List<JsonNode> readAllJson(Path file, FileFormat format, List<String> reports)
      throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String figure : readAll(file, format, reports)) {
      nodes.add(JSON.readTree(figure));
    }
    return nodes;
  }

  /** Reads {@code file} to its end and returns the final summary. */
  static ReadSummary summaryOf(Path file, FileFormat format) throws IOException {
    try (FigureFileReader reader = FigureFileReader.open(file, format, false, null)) {
      while (reader.next() != null) {
        // drain
      }
      return reader.summary();
    }
  }
}
