package dev.tradewatch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.series.Reported;
import dev.tradewatch.domain.series.YearLedger;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MirrorGapTest {

  private static final MirrorGap RULE = MirrorGap.RULE;
  private static final YearMonth SEPTEMBER = YearMonth.of(2020, 9);
  private static final SeriesKey FLOW = new SeriesKey("ISR", "AZE", "93", SeriesKey.BOTH);
  private static final MirrorGap.Settings DEFAULTS = RuleSettings.defaults().of(RULE);
  private static final Instant OCT = Instant.parse("2020-10-15T00:00:00Z");
  private static final Instant NOV = Instant.parse("2020-11-20T00:00:00Z");

  @Test
  void shouldHaveTheContractsDefaults() {
    assertThat(DEFAULTS.ratio()).isEqualByComparingTo("3");
    assertThat(DEFAULTS.floorCents()).isEqualTo(5_000_000_00L);
  }

  @Test
  void shouldFireOnASeveralFoldGapAndSayWhoReportsWhat() {
    Evaluation gap = evaluate(3_200_000, 41_000_000).orElseThrow();

    assertThat(gap.fires()).isTrue();
    assertThat(gap.observedCents()).isEqualTo(41_000_000_00L); // the importer's
    assertThat(gap.baselineCents()).isEqualTo(3_200_000_00L); // the exporter's
    assertThat(gap.ratio()).isEqualByComparingTo("12.812"); // 12.8125, half even
    assertThat(gap.severity()).isEqualTo(Severity.CRITICAL); // at least twice the ratio
    assertThat(gap.evidence()).extracting(e -> e.reporter()).containsExactly("AZE", "ISR");
    assertThat(gap.asOf()).isEqualTo(NOV);
    assertThat(RULE.message(finding(gap)))
        .isEqualTo(
            "AZE reports $41.0M of imports from ISR; ISR reports $3.2M of exports to AZE: 12.812×");
  }

  @Test
  void shouldStayQuietOnTheUsualCifFobDifference() {
    Evaluation usual = evaluate(40_000_000, 42_400_000).orElseThrow(); // imports 6 % above

    assertThat(usual.fires()).isFalse();
  }

  @Test
  void shouldFireHighBetweenTheRatioAndTwiceIt() {
    Evaluation gap = evaluate(10_000_000, 40_000_000).orElseThrow();

    assertThat(gap.fires()).isTrue();
    assertThat(gap.severity()).isEqualTo(Severity.HIGH);
    assertThat(gap.ratio()).isEqualByComparingTo("4");
  }

  @Test
  void shouldFireCriticalOnAOneSidedFlowWithoutARatio() {
    Evaluation oneSided = evaluate(12_000_000, 0).orElseThrow();

    assertThat(oneSided.fires()).isTrue();
    assertThat(oneSided.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(oneSided.ratio()).isNull();
    assertThat(RULE.message(finding(oneSided))).endsWith(": one-sided");
  }

  @Test
  void shouldNotFireBelowTheFloorWhateverTheRatio() {
    assertThat(evaluate(1_000_000, 5_900_000).orElseThrow().fires()).isFalse(); // 5.9×, $4.9M
    assertThat(evaluate(0, 4_000_000).orElseThrow().fires()).isFalse();
    assertThat(evaluate(0, 0).orElseThrow().fires()).isFalse();
  }

  @Test
  void shouldNeedBothSidesOfTheMonth() {
    Ledgers exporter = ledgers(2_000_000, SEPTEMBER);
    Ledgers importer =
        new Ledgers(year -> YearLedger.reconcile(year, new Reported[13], new Reported[13]));

    assertThat(RULE.evaluate(SEPTEMBER, FLOW, exporter, importer, DEFAULTS)).isEmpty();
    assertThat(RULE.evaluate(SEPTEMBER, FLOW, importer, exporter, DEFAULTS)).isEmpty();
  }

  private static Optional<Evaluation> evaluate(long exportsUsd, long importsUsd) {
    Ledgers exporter = ledgers(exportsUsd, SEPTEMBER, OCT);
    Ledgers importer = ledgers(importsUsd, SEPTEMBER, NOV);
    return RULE.evaluate(SEPTEMBER, FLOW, exporter, importer, DEFAULTS);
  }

  private static Ledgers ledgers(long usd, YearMonth period) {
    return ledgers(usd, period, OCT);
  }

  private static Ledgers ledgers(long usd, YearMonth period, Instant publishedAt) {
    return new Ledgers(
        year -> {
          Reported[] months = new Reported[13];
          if (year == period.getYear()) {
            months[period.getMonthValue()] = new Reported(usd * 100, publishedAt);
          }
          return YearLedger.reconcile(year, months, new Reported[13]);
        });
  }

  private static Finding finding(Evaluation evaluation) {
    return new Finding(
        evaluation.period(),
        evaluation.observedCents(),
        evaluation.baselineCents(),
        evaluation.ratio(),
        evaluation.evidence(),
        FLOW);
  }
}
