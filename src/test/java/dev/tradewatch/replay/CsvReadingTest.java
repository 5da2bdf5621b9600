package dev.tradewatch.replay;

import static dev.tradewatch.replay.ReaderTestFiles.readAll;
import static dev.tradewatch.replay.ReaderTestFiles.readAllJson;
import static dev.tradewatch.replay.ReaderTestFiles.summaryOf;
import static dev.tradewatch.replay.ReaderTestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReadingTest {

  private static final String FULL_HEADER =
      "exporter,importer,period,basis,valueUsd,category,reporter,source,publishedAt\n";

  @TempDir Path dir;

  @Test
  void writesEveryColumnInTheFigureFieldOrder() throws IOException {
    Path file =
        write(
            dir,
            "figures.csv",
            FULL_HEADER
                + "TUR,AZE,2020-09,month,77100000,defence-aerospace,TUR,TIM,2020-10-02T00:00:00Z\n");

    assertThat(readAll(file, FileFormat.CSV, new ArrayList<>()))
        .containsExactly(
            "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":\"2020-09\",\"basis\":\"month\","
                + "\"valueUsd\":77100000,\"category\":\"defence-aerospace\",\"reporter\":\"TUR\","
                + "\"source\":\"TIM\",\"publishedAt\":\"2020-10-02T00:00:00Z\"}");
  }

  @Test
  void unquotesCellsHoldingCommasAndDoubledQuotes() throws IOException {
    Path file =
        write(
            dir,
            "figures.csv",
            FULL_HEADER
                + "TUR,AZE,2020-09,month,\"77100000\",\"arms, \"\"light\"\"\",TUR,\"TIM, Ankara\",\n");

    JsonNode figure = readAllJson(file, null, new ArrayList<>()).get(0);

    assertThat(figure.get("category").asText()).isEqualTo("arms, \"light\"");
    assertThat(figure.get("source").asText()).isEqualTo("TIM, Ankara");
    assertThat(figure.get("valueUsd").isNumber()).isTrue();
  }

  @Test
  void readsOptionalColumnsInAnyOrderAndOmitsEmptyCells() throws IOException {
    Path file =
        write(
            dir,
            "figures.csv",
            "valueUsd,category,period,importer,exporter\n"
                + "36000000,,2020-08,AZE,TUR\n"
                + "1500.5,defence-aerospace,2020-10,AZE,ISR\n");

    List<JsonNode> figures = readAllJson(file, null, new ArrayList<>());

    assertThat(figures.get(0).toString())
        .isEqualTo(
            "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":\"2020-08\",\"valueUsd\":36000000}");
    assertThat(figures.get(1).get("category").asText()).isEqualTo("defence-aerospace");
    assertThat(figures.get(1).get("valueUsd").decimalValue()).isEqualByComparingTo("1500.5");
  }

  @Test
  void reportsAValueThatIsNotANumberAsMalformedNamingTheColumn() throws IOException {
    Path file =
        write(
            dir,
            "figures.csv",
            FULL_HEADER
                + "TUR,AZE,2020-09,month,77.1m,,,,\n"
                + "TUR,AZE,2020-10,month,NaN,,,,\n"
                + "TUR,AZE,2020-11,month,1e999999999,,,,\n"
                + "TUR,AZE,2020-12,month, 7.71E7 ,,,,\n");
    List<String> reports = new ArrayList<>();

    List<JsonNode> figures = readAllJson(file, null, reports);

    assertThat(reports)
        .containsExactly(
            "line 2: valueUsd is not a number: '77.1m'",
            "line 3: valueUsd is not a number: 'NaN'",
            "line 4: valueUsd is out of range: '1e999999999'");
    assertThat(figures)
        .singleElement()
        .satisfies(f -> assertThat(f.get("valueUsd").asLong()).isEqualTo(77_100_000));
    assertThat(summaryOf(file, null)).isEqualTo(new ReadSummary(5, 1, 3, 0));
  }

  @Test
  void failsOnHeaderMissingRequiredColumnEvenWhenNotStrict() throws IOException {
    Path file = write(dir, "figures.csv", "exporter,importer,value,period\nTUR,AZE,1,2020-09\n");

    assertThatThrownBy(() -> FigureFileReader.open(file, FileFormat.CSV, false, null))
        .isInstanceOf(MalformedLineException.class)
        .hasMessageStartingWith("line 1: header lacks required column(s) valueUsd");
  }

  @Test
  void reportsRowsWithTheWrongNumberOfCells() throws IOException {
    Path file =
        write(
            dir,
            "figures.csv",
            FULL_HEADER
                + "TUR,AZE,2020-09,month,77100000,,,\n"
                + "TUR,AZE,2020-09,month,77100000,defence-aerospace,TUR\n"
                + "TUR,AZE,2020-10,month,1,,,,\n"
                + "TUR,AZE,2020-11,month,\"1,,,,\n");
    List<String> reports = new ArrayList<>();

    assertThat(readAll(file, null, reports)).hasSize(1);
    assertThat(reports)
        .containsExactly(
            "line 2: expected 9 cells, found 8",
            "line 3: expected 9 cells, found 7",
            "line 5: unclosed quoted cell");
    assertThat(summaryOf(file, null)).isEqualTo(new ReadSummary(5, 1, 3, 0));
  }

  @Test
  void strictModeThrowsWithTheLineNumber() throws IOException {
    Path file = write(dir, "figures.csv", FULL_HEADER + "TUR,AZE,2020-09,month,1,,,,\n\nTUR,AZE\n");

    try (FigureFileReader reader = FigureFileReader.open(file, null, true, null)) {
      assertThat(reader.next()).isNotNull();
      assertThatThrownBy(reader::next)
          .isInstanceOf(MalformedLineException.class)
          .hasMessage("line 4: expected 9 cells, found 2");
    }
  }
}
