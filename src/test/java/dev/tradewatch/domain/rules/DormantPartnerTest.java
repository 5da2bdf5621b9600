package dev.tradewatch.domain.rules;

import static dev.tradewatch.domain.rules.RuleFixtures.ledgers;
import static dev.tradewatch.domain.rules.RuleFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewatch.domain.series.Evidence;
import dev.tradewatch.domain.series.Provenance;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DormantPartnerTest {

  private static final DormantPartner RULE = DormantPartner.RULE;
  private static final YearMonth SEPTEMBER = YearMonth.of(2020, 9);
  private static final DormantPartner.Settings DEFAULTS =
      new DormantPartner.Settings(true, 200_000_000L, 10_000_000L, 12);

  @Test
  void shouldParseItsSettings() {
    assertThat(RULE.parse(values(RULE, Map.of()))).isEqualTo(DEFAULTS);
    assertThat(
            RULE.parse(
                values(
                    RULE,
                    Map.of(
                        "floor-usd", "1_000_000", "dormant-usd", "0", "min-known-months", "24"))))
        .isEqualTo(new DormantPartner.Settings(true, 100_000_000L, 0, 24));
  }

  @Test
  void shouldRefuseBadValuesNamingTheKey() {
    String minKnown =
        "tradewatch.rules.dormant-partner.min-known-months: expected a whole number from 1 to 24";
    assertRefused("min-known-months", "0", minKnown + ", found 0");
    assertRefused("min-known-months", "25", minKnown + ", found 25");
    assertRefused("min-known-months", "12.5", minKnown + ", found 12.5");
    assertRefused("min-known-months", "", minKnown + ", found nothing");
    assertRefused(
        "floor-usd",
        "0",
        "tradewatch.rules.dormant-partner.floor-usd: expected an amount in USD > 0 and < 10^13,"
            + " found 0");
    assertRefused(
        "dormant-usd",
        "-1",
        "tradewatch.rules.dormant-partner.dormant-usd: expected an amount in USD ≥ 0 and < 10^13,"
            + " found -1");
  }

  @Test
  void shouldFireWhenAMonthReachesTheFloorAfterQuietKnownMonths() {
    Evaluation evaluation = evaluate(quietMonths(14, 50_000), 4_000_000, DEFAULTS).orElseThrow();

    assertThat(evaluation.fires()).isTrue();
    assertThat(evaluation.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(evaluation.observedCents()).isEqualTo(400_000_000L);
    assertThat(evaluation.baselineCents()).isEqualTo(10_000_000L);
    assertThat(evaluation.ratio()).isEqualByComparingTo("40");
    assertThat(evaluation.method())
        .isEqualTo("24 months 2018-09..2020-08, 14 known, all ≤ $100.0K");
  }

  @Test
  void shouldStayQuietBelowTheFloor() {
    assertThat(evaluate(quietMonths(14, 50_000), 1_999_999, DEFAULTS))
        .hasValueSatisfying(e -> assertThat(e.fires()).isFalse());
    assertThat(evaluate(quietMonths(14, 50_000), 2_000_000, DEFAULTS))
        .hasValueSatisfying(e -> assertThat(e.fires()).isTrue());
  }

  @Test
  void shouldStayQuietWithTooFewKnownMonths() {
    DormantPartner.Settings eleven =
        new DormantPartner.Settings(true, 200_000_000L, 10_000_000L, 11);

    assertThat(evaluate(quietMonths(11, 50_000), 4_000_000, DEFAULTS))
        .hasValueSatisfying(
            e -> {
              assertThat(e.fires()).isFalse();
              assertThat(e.method())
                  .isEqualTo("24 months 2018-09..2020-08, 11 known, all ≤ $100.0K");
            });
    assertThat(evaluate(quietMonths(11, 50_000), 4_000_000, eleven))
        .hasValueSatisfying(e -> assertThat(e.fires()).isTrue());
    assertThat(evaluate(Map.of(), 4_000_000, DEFAULTS))
        .hasValueSatisfying(
            e -> {
              assertThat(e.fires()).isFalse();
              assertThat(e.method()).isEqualTo("24 months 2018-09..2020-08, 0 known");
              assertThat(e.evidence()).hasSize(1);
            });
  }

  @Test
  void shouldStayQuietWhenOneKnownMonthIsAboveDormantUsd() {
    Map<String, Long> months = new HashMap<>(quietMonths(14, 50_000));
    months.put("2019-11", 100_001L);
    Map<String, Long> atTheLimit = new HashMap<>(quietMonths(14, 50_000));
    atTheLimit.put("2019-11", 100_000L);

    assertThat(evaluate(months, 4_000_000, DEFAULTS))
        .hasValueSatisfying(
            e -> {
              assertThat(e.fires()).isFalse();
              assertThat(e.method())
                  .isEqualTo("24 months 2018-09..2020-08, 14 known, 1 above $100.0K");
            });
    assertThat(evaluate(atTheLimit, 4_000_000, DEFAULTS))
        .hasValueSatisfying(e -> assertThat(e.fires()).isTrue());
  }

  @Test
  void shouldLookAtTheWholeTwentyFourMonthsAndNothingBefore() {
    Map<String, Long> months = new HashMap<>(quietMonths(14, 50_000));
    months.put("2018-09", 500_000L); // the oldest month of the look-back counts
    Map<String, Long> older = new HashMap<>(quietMonths(14, 50_000));
    older.put("2018-08", 500_000L); // one month before it does not

    assertThat(evaluate(months, 4_000_000, DEFAULTS))
        .hasValueSatisfying(e -> assertThat(e.fires()).isFalse());
    assertThat(evaluate(older, 4_000_000, DEFAULTS))
        .hasValueSatisfying(e -> assertThat(e.fires()).isTrue());
  }

  @Test
  void shouldCountMonthsInsideAYtdSpanAtTheSpansAverage() {
    // no month of 2019 is reported: its ytd spreads $600K over twelve months, $50K each
    Ledgers quietYear = ledgers(Map.of("2020-09", 4_000_000L), Map.of("2019-12", 600_000L));
    // $1.3M over twelve months averages above $100K, whatever each month really was
    Ledgers busyYear = ledgers(Map.of("2020-09", 4_000_000L), Map.of("2019-12", 1_300_000L));

    Evaluation quiet = RULE.evaluate(SEPTEMBER, quietYear, DEFAULTS).orElseThrow();
    assertThat(quiet.fires()).isTrue();
    assertThat(quiet.evidence()).hasSize(13);
    assertThat(quiet.evidence().subList(1, 13))
        .allSatisfy(
            month -> {
              assertThat(month.known()).isEqualTo(Provenance.SPAN_AVERAGE);
              assertThat(month.valueCents()).isEqualTo(5_000_000L);
            });
    assertThat(RULE.evaluate(SEPTEMBER, busyYear, DEFAULTS).orElseThrow().fires()).isFalse();
  }

  @Test
  void shouldNotEvaluateAMonthThatIsNotKnown() {
    assertThat(RULE.evaluate(SEPTEMBER, ledgers(quietMonths(14, 50_000), Map.of()), DEFAULTS))
        .isEmpty();
  }

  @Test
  void shouldTurnHighAtTenTimesTheFloor() {
    assertThat(evaluate(quietMonths(14, 50_000), 19_999_999, DEFAULTS))
        .hasValueSatisfying(e -> assertThat(e.severity()).isEqualTo(Severity.MEDIUM));
    assertThat(evaluate(quietMonths(14, 50_000), 20_000_000, DEFAULTS))
        .hasValueSatisfying(
            e -> {
              assertThat(e.fires()).isTrue();
              assertThat(e.severity()).isEqualTo(Severity.HIGH);
            });
    assertThat(RULE.severities()).containsExactlyInAnyOrder(Severity.MEDIUM, Severity.HIGH);
  }

  @Test
  void shouldShowTheMonthThenItsKnownLookBackMonthsOldestFirst() {
    Evaluation evaluation = evaluate(quietMonths(24, 50_000), 4_000_000, DEFAULTS).orElseThrow();

    List<Evidence> evidence = evaluation.evidence();
    assertThat(evidence).hasSize(25);
    assertThat(evidence.size()).isLessThanOrEqualTo(26);
    assertThat(evidence.get(0).period()).isEqualTo(SEPTEMBER);
    assertThat(evidence.get(0).valueCents()).isEqualTo(400_000_000L);
    assertThat(evidence.subList(1, 25))
        .extracting(Evidence::period)
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, 24).mapToObj(i -> SEPTEMBER.minusMonths(25 - i)).toList());
    assertThat(evidence).extracting(Evidence::known).containsOnly(Provenance.REPORTED);
  }

  @Test
  void shouldWordItsFinding() {
    Evaluation evaluation = evaluate(quietMonths(14, 50_000), 4_000_000, DEFAULTS).orElseThrow();
    Finding finding =
        new Finding(
            SEPTEMBER,
            evaluation.observedCents(),
            evaluation.baselineCents(),
            evaluation.ratio(),
            evaluation.evidence());

    assertThat(RULE.message(finding))
        .isEqualTo("$4.0M after 24 months of at most $100.0K (14 known)");
    assertThat(RULE.resolvedMessage(finding)).isEqualTo(RULE.message(finding));
    assertThat(RULE.numbers(finding)).isEqualTo("$4.0M after ≤ $100.0K (14 of 24 known)");
  }

  @Test
  void shouldSayWhichKnownMonthsWereAboveWhenItNoLongerFires() {
    Map<String, Long> months = new HashMap<>(quietMonths(14, 50_000));
    months.put("2019-11", 250_000L);
    months.put("2020-02", 300_000L);
    Evaluation evaluation = evaluate(months, 4_000_000, DEFAULTS).orElseThrow();
    Finding finding =
        new Finding(
            SEPTEMBER,
            evaluation.observedCents(),
            evaluation.baselineCents(),
            evaluation.ratio(),
            evaluation.evidence());

    assertThat(RULE.resolvedMessage(finding))
        .isEqualTo("$4.0M, but 2 of the 14 known months before it were above $100.0K");
    assertThat(RULE.numbers(finding)).isEqualTo("$4.0M after 2 months > $100.0K (14 of 24 known)");
  }

  @Test
  void shouldKeepItsWordsForAFindingWithoutEvidence() {
    Finding bare = new Finding(SEPTEMBER, 400_000_000L, 10_000_000L, new BigDecimal("40"));

    assertThat(RULE.message(bare)).isEqualTo("$4.0M after 24 months of at most $100.0K (0 known)");
  }

  /** {@code count} reported months of {@code usd} each, the last of them 2020-08. */
  private static Map<String, Long> quietMonths(int count, long usd) {
    Map<String, Long> months = new HashMap<>();
    for (int back = 1; back <= count; back++) {
      months.put(SEPTEMBER.minusMonths(back).toString(), usd);
    }
    return months;
  }

  /** September 2020 at {@code septemberUsd} after {@code months}. */
  private static Optional<Evaluation> evaluate(
      Map<String, Long> months, long septemberUsd, DormantPartner.Settings settings) {
    Map<String, Long> all = new HashMap<>(months);
    all.put(SEPTEMBER.toString(), septemberUsd);
    return RULE.evaluate(SEPTEMBER, ledgers(all, Map.of()), settings);
  }

  private static void assertRefused(String key, String value, String message) {
    assertThatThrownBy(() -> RULE.parse(values(RULE, Map.of(key, value))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(message);
  }
}
