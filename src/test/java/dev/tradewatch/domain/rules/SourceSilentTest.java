package dev.tradewatch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.series.SourceHistory;
import dev.tradewatch.domain.series.SourceHistory.FirstPublication;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceSilentTest {

  private static final SourceSilent RULE = SourceSilent.RULE;
  private static final SourceSilent.Settings DEFAULTS = RuleSettings.defaults().of(RULE);

  @Test
  void shouldHaveTheContractsDefaults() {
    assertThat(DEFAULTS.graceDays()).isEqualTo(60);
    assertThat(DEFAULTS.asOf()).isEmpty();
    assertThat(DEFAULTS.scope()).isEqualTo(Scope.EVERYTHING);
  }

  @Test
  void shouldJudgeAMonthlySourceSilentOnlyAfterItsUsualDelayAndTheGrace() {
    SourceHistory monthly = published(YearMonth.of(2021, 1), 12, 1, 35);
    // 2022-01 is due 35 days after 2022-01 ends (2022-03-08), silent 60 days later (2022-05-07)
    assertThat(judge(monthly, "2022-05-06T00:00:00Z").fires()).isFalse();
    Evaluation silent = judge(monthly, "2022-05-08T00:00:00Z");

    assertThat(silent.fires()).isTrue();
    assertThat(silent.period()).isEqualTo(YearMonth.of(2021, 12));
    assertThat(silent.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(silent.ratio()).isNull();
    assertThat(silent.evidence()).hasSize(12).allMatch(e -> "TUR".equals(e.reporter()));
    assertThat(silent.method())
        .isEqualTo(
            "last 12 periods 2021-01..2021-12: every 1 month(s), first published 35 days after a"
                + " period ends; 2022-01 due by 2022-03-08, 60 days' grace to 2022-05-07");
  }

  @Test
  void shouldGiveAQuarterlySourceItsThreeMonths() {
    SourceHistory quarterly = published(YearMonth.of(2020, 3), 8, 3, 45);
    // latest 2021-12; next 2022-03, due 45 days after March ends: 2022-05-16, + 60 days
    assertThat(judge(quarterly, "2022-07-14T00:00:00Z").fires()).isFalse();
    assertThat(judge(quarterly, "2022-07-16T00:00:00Z").fires()).isTrue();
  }

  @Test
  void shouldNotJudgeASourceWithFewerThanThreePeriods() {
    SourceHistory young = published(YearMonth.of(2015, 1), 2, 1, 30);

    assertThat(RULE.evaluate(young, "TUR", Instant.parse("2026-01-01T00:00:00Z"), DEFAULTS))
        .isEmpty();
  }

  @Test
  void shouldCountOnlyTheFirstPublicationOfAPeriod() {
    SourceHistory history = published(YearMonth.of(2021, 1), 12, 1, 35);
    boolean changed =
        history.record(
            new FirstPublication(
                YearMonth.of(2021, 12),
                Basis.MONTH,
                5,
                "revision",
                Instant.parse("2022-06-01T00:00:00Z")));

    assertThat(changed).isFalse(); // a revision: the period's first publication stays
    assertThat(history.periods()).hasSize(12);
  }

  @Test
  void shouldKeepOnlyTheLatestTwelvePeriods() {
    SourceHistory history = published(YearMonth.of(2019, 1), 30, 1, 35);

    assertThat(history.periods().firstKey()).isEqualTo(YearMonth.of(2020, 7));
    assertThat(
            history.record(
                new FirstPublication(
                    YearMonth.of(2019, 3),
                    Basis.MONTH,
                    1,
                    null,
                    Instant.parse("2019-04-01T00:00:00Z"))))
        .isFalse();
  }

  private static Evaluation judge(SourceHistory history, String now) {
    Optional<Evaluation> evaluation = RULE.evaluate(history, "TUR", Instant.parse(now), DEFAULTS);
    assertThat(evaluation).isPresent();
    return evaluation.get();
  }

  /**
   * {@code count} periods from {@code first}, every {@code spacing} months, each first published
   * {@code delayDays} after it ends.
   */
  private static SourceHistory published(YearMonth first, int count, int spacing, int delayDays) {
    SourceHistory history = new SourceHistory();
    for (int i = 0; i < count; i++) {
      YearMonth period = first.plusMonths((long) i * spacing);
      history.record(
          new FirstPublication(
              period,
              Basis.MONTH,
              1_000_000_00L,
              "TIM",
              SourceSilent.endOf(period).plus(Duration.ofDays(delayDays))));
    }
    return history;
  }
}
