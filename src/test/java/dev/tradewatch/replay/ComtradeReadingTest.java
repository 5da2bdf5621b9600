package dev.tradewatch.replay;

import static dev.tradewatch.replay.ReaderTestFiles.readAllJson;
import static dev.tradewatch.replay.ReaderTestFiles.summaryOf;
import static dev.tradewatch.replay.ReaderTestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComtradeReadingTest {

  @TempDir Path dir;

  private Path sample;

  @BeforeEach
  void copySample() throws IOException {
    sample = dir.resolve("TradeData_2020.csv");
    try (InputStream in = getClass().getResourceAsStream("/comtrade-sample.csv")) {
      Files.copy(in, sample);
    }
  }

  @Test
  void readsTheSampleAsComtradeAndCountsTheSkippedReExport() throws IOException {
    List<String> reports = new ArrayList<>();

    assertThat(FileFormat.detect(sample)).isEqualTo(FileFormat.COMTRADE);
    assertThat(readAllJson(sample, null, reports)).hasSize(6);
    assertThat(reports).isEmpty();
    assertThat(summaryOf(sample, null)).isEqualTo(new ReadSummary(8, 6, 0, 1));
  }

  @Test
  void skipsBreakdownRowsAndKeepsOnlyTheAggregate() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(sample));
    String aggregate = lines.get(1);
    lines.add(
        aggregate.replace(",C00,", ",C01,").replace("77100000", "1000")); // by customs procedure
    Files.write(sample, lines);

    assertThat(readAllJson(sample, null, new ArrayList<>())).hasSize(6);
    assertThat(summaryOf(sample, null).skipped()).isEqualTo(2);
  }

  @Test
  void monthlyExportRowBecomesReporterToPartnerFigure() throws IOException {
    JsonNode figure = readAllJson(sample, null, new ArrayList<>()).get(0);

    assertThat(figure.toString())
        .isEqualTo(
            "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":\"2020-09\","
                + "\"basis\":\"month\",\"valueUsd\":77100000,\"category\":\"93\",\"reporter\":\"TUR\","
                + "\"source\":\"comtrade\"}");
  }

  @Test
  void importRowBecomesMirrorFigureFromPartnerCreditedToReporter() throws IOException {
    JsonNode figure = readAllJson(sample, null, new ArrayList<>()).get(1);

    assertThat(figure.get("exporter").asText()).isEqualTo("TUR");
    assertThat(figure.get("importer").asText()).isEqualTo("AZE");
    assertThat(figure.get("reporter").asText()).isEqualTo("AZE");
    assertThat(figure.get("valueUsd").decimalValue()).isEqualByComparingTo("76950412.5");
  }

  @Test
  void quotedCommodityDescriptionWithCommasDoesNotShiftColumns() throws IOException {
    JsonNode figure = readAllJson(sample, null, new ArrayList<>()).get(2);

    assertThat(figure.get("category").asText()).isEqualTo("8802");
    assertThat(figure.get("period").asText()).isEqualTo("2020-10");
    assertThat(figure.get("valueUsd").longValue()).isEqualTo(36_000_000L);
  }

  @Test
  void annualRowBecomesYearToDateAtDecemberWithTotalCategory() throws IOException {
    JsonNode figure = readAllJson(sample, null, new ArrayList<>()).get(3);

    assertThat(figure.get("period").asText()).isEqualTo("2020-12");
    assertThat(figure.get("basis").asText()).isEqualTo("ytd");
    assertThat(figure.get("category").asText()).isEqualTo("total");
    assertThat(figure.has("publishedAt")).isFalse();
  }

  @Test
  void worldAreaW00BecomesWld() throws IOException {
    List<JsonNode> figures = readAllJson(sample, null, new ArrayList<>());

    assertThat(figures.get(4).get("importer").asText()).isEqualTo("WLD");
    assertThat(figures.get(5).get("exporter").asText()).isEqualTo("WLD");
    assertThat(figures.get(5).get("importer").asText()).isEqualTo("AZE");
  }

  @Test
  void findsColumnsByNameInAnyOrderWritesExponentsPlainlyAndToleratesTrailingComma()
      throws IOException {
    Path file =
        write(
            dir,
            "short.csv",
            "primaryValue,flowCode,cmdCode,partnerISO,reporterISO,period,freqCode\n"
                + "1.2E3,X,TOTAL,W00,W00,202103,M,\n");

    JsonNode figure = readAllJson(file, null, new ArrayList<>()).get(0);

    assertThat(figure.toString())
        .isEqualTo(
            "{\"exporter\":\"WLD\",\"importer\":\"WLD\",\"period\":\"2021-03\","
                + "\"basis\":\"month\",\"valueUsd\":1200,\"category\":\"total\",\"reporter\":\"WLD\","
                + "\"source\":\"comtrade\"}");
  }

  @Test
  void reportsUnreadablePeriodsShortRowsAndValuesThatAreNotNumbers() throws IOException {
    Path file =
        write(
            dir,
            "bad.csv",
            "freqCode,period,reporterISO,partnerISO,flowCode,cmdCode,primaryValue\n"
                + "M,2021,TUR,AZE,X,93,1\n"
                + "Q,202103,TUR,AZE,X,93,1\n"
                + "M,202103,TUR,AZE\n"
                + "M,202103,TUR,AZE,RM,93,1\n"
                + "M,202104,TUR,AZE,X,93,n/a\n");
    List<String> reports = new ArrayList<>();

    assertThat(readAllJson(file, null, reports)).isEmpty();
    assertThat(reports)
        .containsExactly(
            "line 2: cannot read period '2021' with freqCode 'M' (expected M with YYYYMM or A with YYYY)",
            "line 3: cannot read period '202103' with freqCode 'Q' (expected M with YYYYMM or A with YYYY)",
            "line 4: expected 7 cells, found 4",
            "line 6: primaryValue is not a number: 'n/a'");
    assertThat(summaryOf(file, null)).isEqualTo(new ReadSummary(6, 0, 4, 1));
  }

  @Test
  void failsOnHeaderWithoutFlowCode() throws IOException {
    Path file =
        write(dir, "bad.csv", "freqCode,period,reporterISO,partnerISO,cmdCode,primaryValue\n");

    assertThatThrownBy(() -> FigureFileReader.open(file, FileFormat.COMTRADE, false, null))
        .isInstanceOf(MalformedLineException.class)
        .hasMessage("line 1: Comtrade header lacks column(s) flowCode");
  }
}
