package dev.tradewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.MonthSpike;
import dev.tradewatch.domain.rules.MonthThreshold;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Severity;
import dev.tradewatch.isolated.Backtest;
import dev.tradewatch.isolated.Labels;
import dev.tradewatch.isolated.RejectedLine;
import dev.tradewatch.replay.FileFormat;
import dev.tradewatch.replay.FileReplay;
import dev.tradewatch.replay.ReadSummary;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one-line summaries of replay and backtest, as a new user reads them. */
class SummaryWordsTest {

  private static final Path INPUT = Path.of("one.jsonl");

  @Test
  void replayOfOneFigureShouldSpeakInTheSingularWithoutARate() {
    FileReplay.Result one =
        new FileReplay.Result(
            FileFormat.JSONL, new ReadSummary(1, 1, 0, 0), 1, Duration.ofMillis(20), false);

    assertThat(ReplayCommand.summary(one, INPUT, "trade.figures", "localhost:9092"))
        .isEqualTo(
            "Replayed 1 figure from one.jsonl (jsonl) into trade.figures on localhost:9092 in"
                + " 0.0 s; 1 line read, 0 malformed lines");
  }

  @Test
  void replayOfAFewFiguresShouldGiveNoRateEvenOverASecond() {
    FileReplay.Result few =
        new FileReplay.Result(
            FileFormat.JSONL, new ReadSummary(2, 1, 1, 0), 1, Duration.ofMillis(1200), false);

    assertThat(ReplayCommand.summary(few, INPUT, "t", "s"))
        .isEqualTo(
            "Replayed 1 figure from one.jsonl (jsonl) into t on s in 1.2 s; 2 lines read,"
                + " 1 malformed line");
  }

  @Test
  void replayShouldGiveTheRateOverASecondAndSaySkippedOnlyForComtradeRows() {
    FileReplay.Result comtrade =
        new FileReplay.Result(
            FileFormat.COMTRADE,
            new ReadSummary(12_002, 10_000, 1, 2),
            10_000,
            Duration.ofSeconds(4),
            false);

    assertThat(ReplayCommand.summary(comtrade, Path.of("c.csv"), "t", "s"))
        .isEqualTo(
            "Replayed 10,000 figures from c.csv (comtrade) into t on s in 4.0 s (2,500/s);"
                + " 12,002 lines read, 1 malformed line, 2 skipped (Comtrade rows that are not an"
                + " X or M flow, or break a total down)");
  }

  @Test
  void backtestWithoutAlertsShouldSayZeroActiveWithoutEmptyBraces() {
    String summary =
        BacktestCommand.summary(
            backtest(Map.of("new", 1L, "revision", 1L, "duplicate", 1L), Map.of()),
            new Labels(List.of(new Labels.Label("TUR", "AZE", "2020-09", null))),
            INPUT,
            null,
            null);

    assertThat(summary)
        .contains(
            "Backtest of one.jsonl (jsonl): 1 line, 1 figure read, 0 malformed lines",
            "figures: 3 accepted (1 new, 1 revision, 1 duplicate, 0 stale), 0 rejected",
            "alerts:  0 active, 0 resolved",
            "against 1 label: precision 1.000, recall 0.000")
        .doesNotContain("{", "}");
  }

  @Test
  void backtestShouldCountActiveAlertsByRule() {
    Alert spike =
        new Alert(
            new SeriesKey("TUR", "AZE", "total", "TUR"),
            MonthSpike.RULE,
            YearMonth.of(2020, 8),
            AlertStatus.FIRING,
            Severity.MEDIUM,
            100,
            10,
            new BigDecimal("10.000"),
            Instant.EPOCH,
            1);

    assertThat(
            BacktestCommand.summary(
                backtest(Map.of(), Map.of("a", spike)), null, INPUT, null, null))
        .contains("alerts:  1 active (month-spike 1), 0 resolved");
  }

  @Test
  void backtestShouldCountActiveAlertsByYearAndDistinctFlowsAndScoreEachRuleWithLeadTimes() {
    Instant sep02 = Instant.parse("2020-09-02T00:00:00Z");
    Alert spike = alert("defence-aerospace", "TUR", MonthSpike.RULE, "2020-08", sep02);
    Alert mirror = alert("defence-aerospace", "AZE", MonthThreshold.RULE, "2020-09", sep02);
    Alert later = alert("93", "TUR", MonthThreshold.RULE, "2021-01", sep02);
    Labels labels =
        new Labels(
            List.of(
                new Labels.Label(
                    "TUR",
                    "AZE",
                    "2020-08",
                    "month-spike",
                    LocalDate.of(2020, 9, 27),
                    "defence-aerospace")));

    String summary =
        BacktestCommand.summary(
            backtest(Map.of(), Map.of("a", spike, "b", mirror, "c", later)),
            labels,
            INPUT,
            null,
            null);

    assertThat(summary)
        .contains(
            "  active by year: 2020: month-spike 1, month-threshold 1; 2021: month-threshold 1\n",
            "  flows alerted: 2 (exporter, importer, category)\n",
            "  against 1 label: precision 0.333, recall 1.000\n",
            "    month-threshold: precision 0.000 (2 alerts), recall - (0 labels)\n",
            "    ytd-ratio:       precision - (0 alerts), recall - (0 labels)\n",
            "    month-spike:     precision 1.000 (1 alert), recall 1.000 (1 label)\n",
            "  lead time: TUR→AZE 2020-08 month-spike [defence-aerospace]: 25 days before"
                + " 2020-09-27 (first knowable 2020-09-02)\n");
  }

  private static Alert alert(
      String category, String reporter, Rule<?> rule, String period, Instant asOf) {
    return new Alert(
        new SeriesKey("TUR", "AZE", category, reporter),
        rule,
        YearMonth.parse(period),
        AlertStatus.FIRING,
        Severity.HIGH,
        100,
        10,
        new BigDecimal("10.000"),
        Instant.EPOCH,
        1,
        asOf,
        asOf,
        List.of(),
        "method");
  }

  @Test
  void shouldSayWhenAReplayWasStoppedBeforeTheEndOfTheFile() {
    FileReplay.Result stopped =
        new FileReplay.Result(
            FileFormat.JSONL, new ReadSummary(40, 40, 0, 0), 40, Duration.ofMillis(800), true);

    assertThat(ReplayCommand.summary(stopped, INPUT, "t", "s"))
        .endsWith("; stopped on request before the end of the file");
  }

  @Test
  void shouldListRejectionsByReasonWithTheirFirstLineNumbers() {
    List<RejectedLine> rejected =
        List.of(
            new RejectedLine(4, "bad-period", "period", "d", "{}"),
            new RejectedLine(7, "unknown-country", "exporter", "d", "{}"),
            new RejectedLine(9, "bad-period", "period", "d", "{}"));

    String summary =
        BacktestCommand.summary(
            backtest(Map.of("new", 1L, "rejected", 3L), Map.of(), rejected),
            null,
            INPUT,
            null,
            null);

    assertThat(summary)
        .contains(
            "  rejected: bad-period 2 (lines 4, 9), unknown-country 1 (line 7);"
                + " --dead-letters FILE keeps them");
  }

  @Test
  void shouldShowOnlyTheFirstFiveLineNumbersOfAReasonAndThoseOfUnknownLine() {
    List<RejectedLine> rejected =
        List.of(
            new RejectedLine(1, "not-json", "", "", "x"),
            new RejectedLine(2, "not-json", "", "", "x"),
            new RejectedLine(3, "not-json", "", "", "x"),
            new RejectedLine(4, "not-json", "", "", "x"),
            new RejectedLine(5, "not-json", "", "", "x"),
            new RejectedLine(1_006, "not-json", "", "", "x"),
            new RejectedLine(0, "processing-error", "", "", "x"));

    assertThat(RejectionWords.byReason(rejected))
        .isEqualTo("not-json 6 (lines 1, 2, 3, 4, 5, …), processing-error 1 (line unknown)");
  }

  private static Backtest.Result backtest(Map<String, Long> outcomes, Map<String, Alert> alerts) {
    return backtest(outcomes, alerts, List.of());
  }

  private static Backtest.Result backtest(
      Map<String, Long> outcomes, Map<String, Alert> alerts, List<RejectedLine> rejected) {
    return new Backtest.Result(
        new FileReplay.Result(
            FileFormat.JSONL, new ReadSummary(1, 1, 0, 0), 1, Duration.ofMillis(20), false),
        outcomes,
        alerts,
        rejected,
        Duration.ofMillis(1500));
  }
}
