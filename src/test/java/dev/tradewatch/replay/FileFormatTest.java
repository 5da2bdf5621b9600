package dev.tradewatch.replay;

import static dev.tradewatch.replay.ReaderTestFiles.readAll;
import static dev.tradewatch.replay.ReaderTestFiles.write;
import static dev.tradewatch.replay.ReaderTestFiles.writeGzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFormatTest {

  private static final String FIGURE =
      "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":\"2020-09\","
          + "\"valueUsd\":77100000}";

  @TempDir Path dir;

  @Test
  void parsesFormatNamesIgnoringCase() {
    assertThat(FileFormat.parse("jsonl")).isEqualTo(FileFormat.JSONL);
    assertThat(FileFormat.parse(" CSV ")).isEqualTo(FileFormat.CSV);
    assertThat(FileFormat.parse("Comtrade")).isEqualTo(FileFormat.COMTRADE);
  }

  @Test
  void rejectsUnknownFormatNameListingTheValidOnes() {
    assertThatThrownBy(() -> FileFormat.parse("xml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown format 'xml'; valid formats: jsonl, csv, comtrade");
  }

  @Test
  void detectsJsonLinesByExtension() throws IOException {
    assertThat(FileFormat.detect(write(dir, "a.jsonl", ""))).isEqualTo(FileFormat.JSONL);
    assertThat(FileFormat.detect(write(dir, "b.JSON", ""))).isEqualTo(FileFormat.JSONL);
    assertThat(FileFormat.detect(write(dir, "c.ndjson", ""))).isEqualTo(FileFormat.JSONL);
  }

  @Test
  void detectsComtradeOrPlainCsvByHeader() throws IOException {
    Path comtrade =
        write(
            dir,
            "trade.csv",
            "typeCode,freqCode,period,reporterISO,partnerISO,flowCode," + "cmdCode,primaryValue\n");
    Path plain = write(dir, "figures.csv", "exporter,importer,period,valueUsd\n");

    assertThat(FileFormat.detect(comtrade)).isEqualTo(FileFormat.COMTRADE);
    assertThat(FileFormat.detect(plain)).isEqualTo(FileFormat.CSV);
  }

  @Test
  void detectsGzipFilesByTheirInnerExtension() throws IOException {
    Path jsonl = writeGzip(dir, "figures.jsonl.gz", FIGURE + "\n");
    Path comtrade = writeGzip(dir, "trade.csv.gz", "\uFEFFfreqCode,primaryValue\n");

    assertThat(FileFormat.detect(jsonl)).isEqualTo(FileFormat.JSONL);
    assertThat(FileFormat.detect(comtrade)).isEqualTo(FileFormat.COMTRADE);
  }

  @Test
  void rejectsUnknownExtensionNamingTheFormatOption() throws IOException {
    Path file = write(dir, "figures.txt", FIGURE);

    assertThatThrownBy(() -> FileFormat.detect(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("figures.txt")
        .hasMessageContaining("--format jsonl|csv|comtrade");
  }

  @Test
  void explicitFormatOverridesTheExtension() throws IOException {
    Path file = write(dir, "figures.txt", FIGURE + "\n");

    assertThat(readAll(file, FileFormat.JSONL, new ArrayList<>())).containsExactly(FIGURE);
  }
}
