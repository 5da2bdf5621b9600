package dev.tradewatch.replay;

import static dev.tradewatch.replay.ReaderTestFiles.readAll;
import static dev.tradewatch.replay.ReaderTestFiles.summaryOf;
import static dev.tradewatch.replay.ReaderTestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesReadingTest {

  private static final String GOOD =
      "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":\"2020-09\","
          + "\"basis\":\"month\",\"valueUsd\":77100000,\"category\":\"defence-aerospace\",\"reporter\":\"TUR\","
          + "\"source\":\"TIM\",\"publishedAt\":\"2020-10-02T00:00:00Z\"}";

  @TempDir Path dir;

  @Test
  void passesValidObjectsThroughByteForByteEvenWhenFieldsLookWrong() throws IOException {
    String odd = "{ \"exporter\" : \"tur\", \"valueUsd\" : \"lots\", \"period\":\"2020-13\" }";
    Path file = write(dir, "figures.jsonl", GOOD + "\n" + odd + "\n");

    assertThat(readAll(file, null, new ArrayList<>())).containsExactly(GOOD, odd);
  }

  @Test
  void reportsMalformedLinesByNumberAndKeepsReading() throws IOException {
    Path file =
        write(
            dir,
            "figures.jsonl",
            GOOD
                + "\n[1,2]\n{\"exporter\":\n"
                + GOOD
                + "\n{\"a\":1} trailing\n\"text\"\n"
                + GOOD
                + "\n");
    List<String> reports = new ArrayList<>();

    List<String> figures = readAll(file, FileFormat.JSONL, reports);

    assertThat(figures).hasSize(3);
    assertThat(reports).hasSize(4);
    assertThat(reports.get(0)).isEqualTo("line 2: expected a JSON object, found array");
    assertThat(reports.get(1)).startsWith("line 3: not valid JSON");
    assertThat(reports.get(2)).startsWith("line 5: not valid JSON");
    assertThat(reports.get(3)).isEqualTo("line 6: expected a JSON object, found string");
  }

  @Test
  void skipsBlankLinesSilentlyButCountsThemAsRead() throws IOException {
    Path file = write(dir, "figures.ndjson", "\n" + GOOD + "\n   \n\r\n" + GOOD + "\n\n");
    List<String> reports = new ArrayList<>();

    assertThat(readAll(file, null, reports)).hasSize(2);
    assertThat(reports).isEmpty();
    assertThat(summaryOf(file, null)).isEqualTo(new ReadSummary(6, 2, 0, 0));
  }

  @Test
  void dropsCrlfEndingsAndByteOrderMarkButNothingElse() throws IOException {
    Path file = write(dir, "figures.jsonl", "\uFEFF" + GOOD + "\r\n" + GOOD);

    assertThat(readAll(file, null, new ArrayList<>())).containsExactly(GOOD, GOOD);
  }

  @Test
  void reportsInvalidUtf8AsMalformed() throws IOException {
    byte[] bad = "{\"exporter\":\"T\u00dcR\"}".getBytes(StandardCharsets.ISO_8859_1);
    Path file = dir.resolve("figures.jsonl");
    Files.write(file, concat(bad, "\n".getBytes(StandardCharsets.UTF_8)));
    List<String> reports = new ArrayList<>();

    assertThat(readAll(file, null, reports)).isEmpty();
    assertThat(reports).singleElement().asString().startsWith("line 1: not valid JSON");
  }

  @Test
  void strictModeFailsAtTheFirstMalformedLineWithItsNumber() throws IOException {
    Path file = write(dir, "figures.jsonl", GOOD + "\n\n" + GOOD + "\nnot json\n" + GOOD + "\n");

    try (FigureFileReader reader = FigureFileReader.open(file, null, true, null)) {
      assertThat(reader.next()).isNotNull();
      assertThat(reader.next()).isNotNull();
      assertThatThrownBy(reader::next)
          .isInstanceOf(MalformedLineException.class)
          .hasMessageStartingWith("line 4: not valid JSON")
          .extracting(e -> ((MalformedLineException) e).lineNumber())
          .isEqualTo(4L);
    }
  }

  @Test
  void emptyFileYieldsNothing() throws IOException {
    Path file = write(dir, "empty.jsonl", "");

    assertThat(summaryOf(file, null)).isEqualTo(new ReadSummary(0, 0, 0, 0));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
