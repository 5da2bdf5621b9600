package dev.tradewatch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulesTest {

  @Test
  void shouldListTheRulesInTheirPublishedOrder() {
    assertThat(Rules.ALL)
        .extracting(Rule::name)
        .containsExactly(
            "month-threshold",
            "ytd-ratio",
            "month-spike",
            "mirror-gap",
            "dormant-partner",
            "source-silent");
    assertThat(Rules.first()).isSameAs(MonthThreshold.RULE);
    assertThat(Rules.last()).isSameAs(SourceSilent.RULE);
    assertThat(Rules.ORDER.compare(YtdRatio.RULE, MonthSpike.RULE)).isNegative();
    assertThat(Rules.ORDER.compare(MonthSpike.RULE, DormantPartner.RULE)).isNegative();
  }

  @Test
  void shouldHaveTheContractsKeysAndDefaults() {
    Map<String, Map<String, String>> keys = new LinkedHashMap<>();
    Rules.ALL.forEach(rule -> keys.put(rule.name(), rule.defaults()));

    assertThat(keys)
        .containsExactly(
            Map.entry("month-threshold", withScope(Map.of("threshold-usd", "50000000"))),
            Map.entry("ytd-ratio", withScope(Map.of("ratio", "5", "floor-usd", "10000000"))),
            Map.entry("month-spike", withScope(Map.of("factor", "10", "floor-usd", "5000000"))),
            Map.entry("mirror-gap", withScope(Map.of("ratio", "3", "floor-usd", "5000000"))),
            Map.entry(
                "dormant-partner",
                withScope(
                    Map.of(
                        "floor-usd",
                        "2000000",
                        "dormant-usd",
                        "100000",
                        "min-known-months",
                        "12"))),
            Map.entry(
                "source-silent",
                Map.of(
                    "enabled", "true",
                    "categories", "*",
                    "reporters", "*",
                    "grace-days", "60",
                    "as-of", "")));
    Rules.ALL.forEach(
        rule ->
            assertThat(rule.defaults().keySet())
                .startsWith(
                    rule instanceof SourceRule<?>
                        ? new String[] {Rule.ENABLED, "categories", "reporters"}
                        : new String[] {Rule.ENABLED, "categories", "exporters", "importers"}));
  }

  @Test
  void shouldLetEveryRuleDeclareItsScopeKeysAsKeysOfItsOwn() {
    for (Rule<?> rule : Rules.ALL) {
      assertThat(rule.scopeKeys())
          .isEqualTo(rule instanceof SourceRule<?> ? ScopeKey.SOURCE : ScopeKey.FLOW);
      rule.scopeKeys()
          .forEach(scopeKey -> assertThat(rule.defaults()).containsEntry(scopeKey.key(), "*"));
      assertThat(RuleSettings.defaults().of(rule).scope()).isEqualTo(Scope.EVERYTHING);
    }
  }

  private static Map<String, String> withScope(Map<String, String> own) {
    Map<String, String> keys = new HashMap<>(own);
    keys.putAll(Map.of("enabled", "true", "categories", "*", "exporters", "*", "importers", "*"));
    return keys;
  }

  @Test
  void shouldParseTheDefaultsIntoEachRulesSettings() {
    RuleSettings defaults = RuleSettings.defaults();

    assertThat(defaults.of(MonthThreshold.RULE))
        .isEqualTo(new MonthThreshold.Settings(true, 5_000_000_000L));
    assertThat(defaults.of(YtdRatio.RULE))
        .isEqualTo(new YtdRatio.Settings(true, new BigDecimal("5"), 1_000_000_000L));
    assertThat(defaults.of(MonthSpike.RULE))
        .isEqualTo(new MonthSpike.Settings(true, new BigDecimal("10"), 500_000_000L));
    assertThat(defaults.of(DormantPartner.RULE))
        .isEqualTo(new DormantPartner.Settings(true, 200_000_000L, 10_000_000L, 12));
  }

  @Test
  void shouldReplaceOneRulesSettingsAndKeepTheOthers() {
    MonthSpike.Settings off = new MonthSpike.Settings(false, BigDecimal.TEN, 0);

    RuleSettings changed = RuleSettings.defaults().with(MonthSpike.RULE, off);

    assertThat(changed.of(MonthSpike.RULE)).isEqualTo(off);
    assertThat(changed.of(YtdRatio.RULE)).isEqualTo(RuleSettings.defaults().of(YtdRatio.RULE));
    assertThat(changed).isNotEqualTo(RuleSettings.defaults());
    assertThat(RuleSettings.defaults().with(MonthSpike.RULE, off)).isEqualTo(changed);
  }

  @Test
  void shouldKnowHowManyYearsBackEachRuleLooks() {
    assertThat(Rules.ALL)
        .extracting(Rule::yearsBack)
        // threshold, last year's ytd, 12 months, one month's two sides, 24 months, a source
        .containsExactly(0, 1, 1, 0, 2, 0);
    assertThat(Rules.MAX_YEARS_BACK).isEqualTo(2);
  }

  @Test
  void shouldFindRulesByName() {
    assertThat(Rules.named("ytd-ratio")).isSameAs(YtdRatio.RULE);
    assertThat(Rules.byName("month-treshold")).isEmpty();
    assertThatThrownBy(() -> Rules.named("month-treshold"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown rule month-treshold");
  }
}
