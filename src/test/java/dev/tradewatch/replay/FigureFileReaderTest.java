package dev.tradewatch.replay;

import static dev.tradewatch.replay.ReaderTestFiles.readAll;
import static dev.tradewatch.replay.ReaderTestFiles.write;
import static dev.tradewatch.replay.ReaderTestFiles.writeGzip;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureFileReaderTest {

  private static final String FIGURE =
      "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":\"2020-09\","
          + "\"valueUsd\":77100000}";

  @TempDir Path dir;

  @Test
  void readsGzippedCsvLikeThePlainFile() throws IOException {
    String csv = "exporter,importer,period,valueUsd\nTUR,AZE,2020-09,77100000\n";
    Path plain = write(dir, "figures.csv", csv);
    Path gzip = writeGzip(dir, "figures.csv.gz", csv);

    List<String> fromGzip = readAll(gzip, null, new ArrayList<>());

    assertThat(fromGzip).hasSize(1).isEqualTo(readAll(plain, null, new ArrayList<>()));
  }

  @Test
  void reportsProgressInBytesOfTheFileOnDisk() throws IOException {
    StringBuilder content = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      content.append(FIGURE).append('\n');
    }
    Path file = writeGzip(dir, "many.jsonl.gz", content.toString());

    try (FigureFileReader reader = FigureFileReader.open(file, null, false, null)) {
      assertThat(reader.sizeBytes()).isEqualTo(Files.size(file));
      reader.next();
      assertThat(reader.bytesRead()).isBetween(1L, reader.sizeBytes());
      while (reader.next() != null) {
        assertThat(reader.bytesRead()).isLessThanOrEqualTo(reader.sizeBytes());
      }
      assertThat(reader.bytesRead()).isEqualTo(reader.sizeBytes());
      assertThat(reader.summary()).isEqualTo(new ReadSummary(20_000, 20_000, 0, 0));
    }
  }

  @Test
  void shouldReportProgressByTheLinesReturnedWhenTheWholeFileFitsOneBuffer() throws IOException {
    Path file = write(dir, "three.jsonl", FIGURE + "\n" + FIGURE + "\n" + FIGURE + "\n");

    try (FigureFileReader reader = FigureFileReader.open(file, null, false, null)) {
      reader.next();
      assertThat(reader.bytesRead()).isEqualTo(FIGURE.length() + 1);
      assertThat(reader.lastLineNumber()).isEqualTo(1);
      reader.next();
      assertThat(reader.bytesRead()).isEqualTo(2L * (FIGURE.length() + 1));
    }
  }

  @Test
  void shouldEstimateGzipProgressBelowTheBytesTakenFromDiskWhileLinesRemain() throws IOException {
    StringBuilder content = new StringBuilder();
    for (int i = 0; i < 1_000; i++) {
      content.append(FIGURE).append('\n');
    }
    Path file = writeGzip(dir, "small.jsonl.gz", content.toString());

    try (FigureFileReader reader = FigureFileReader.open(file, null, false, null)) {
      reader.next();
      // one line of a thousand: about a thousandth of the file, not the whole of it
      assertThat(reader.bytesRead()).isLessThan(reader.sizeBytes() / 100);
    }
  }

  @Test
  void reportsOverlongLineWithoutKeepingIt() throws IOException {
    String huge = "{\"note\":\"" + "x".repeat(LineSource.MAX_LINE_BYTES) + "\"}";
    Path file = write(dir, "figures.jsonl", huge + "\n" + FIGURE + "\n");
    List<String> reports = new ArrayList<>();

    assertThat(readAll(file, null, reports)).containsExactly(FIGURE);
    assertThat(reports).containsExactly("line 1: longer than 1048576 bytes");
  }

  @Test
  void headerOnlyAndEmptyCsvFilesYieldNoFigures() throws IOException {
    Path headerOnly = write(dir, "header.csv", "exporter,importer,period,valueUsd\n");
    Path empty = write(dir, "empty.csv", "");

    assertThat(readAll(headerOnly, null, new ArrayList<>())).isEmpty();
    assertThat(readAll(empty, FileFormat.CSV, new ArrayList<>())).isEmpty();
  }
}
