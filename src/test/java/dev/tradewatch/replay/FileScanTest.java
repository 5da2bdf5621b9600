package dev.tradewatch.replay;

import static dev.tradewatch.replay.ReaderTestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileScanTest {

  @TempDir Path dir;

  @Test
  void shouldFindTheLatestValidPublishedAt() throws IOException {
    Path file =
        write(
            dir,
            "f.jsonl",
            """
            {"exporter":"DEU","importer":"FRA","publishedAt":"2020-10-02T00:00:00Z"}
            {"exporter":"DEU","importer":"FRA","publishedAt":"2021-03-01T12:00:00+02:00"}
            {"exporter":"DEU","importer":"FRA","publishedAt":"9999-99-99"}
            {"exporter":"DEU","importer":"FRA"}
            """);

    FileScan scan = FileScan.of(new FileReplay.Input(file, null, false, null));

    assertThat(scan.figures()).isEqualTo(4);
    assertThat(scan.latestPublishedAt()).hasValue(Instant.parse("2021-03-01T10:00:00Z"));
  }

  @Test
  void shouldFindNoPublishedAtInAFileWithoutAny() throws IOException {
    Path file = write(dir, "f.csv", "exporter,importer,period,valueUsd\nDEU,FRA,2020-01,1\n");

    assertThat(FileScan.of(new FileReplay.Input(file, null, false, null)).latestPublishedAt())
        .isEmpty();
  }

  @Test
  void shouldFailAtTheFirstMalformedLineInStrictModeAndReportNothingWhenLenient()
      throws IOException {
    Path file = write(dir, "f.jsonl", "{\"exporter\":\"DEU\"}\n{\"exporter\":\"FRA\"}\nnot json\n");
    List<String> reports = new ArrayList<>();

    assertThatThrownBy(() -> FileScan.of(new FileReplay.Input(file, null, true, reports::add)))
        .isInstanceOf(MalformedLineException.class)
        .hasMessageStartingWith("line 3: ");
    assertThat(FileScan.of(new FileReplay.Input(file, null, false, reports::add)).figures())
        .isEqualTo(2);
    assertThat(reports).isEmpty();
  }
}
