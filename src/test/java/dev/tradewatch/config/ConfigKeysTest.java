package dev.tradewatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.rules.MonthSpike;
import dev.tradewatch.domain.rules.MonthThreshold;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Rules;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigKeysTest {

  @Test
  void shouldSplitAnOverrideKeyIntoRulePairAndKey() {
    assertThat(
            ConfigKeys.parseOverride(
                "tradewatch.rules.month-threshold.overrides.TUR-USA.threshold-usd"))
        .contains(new OverrideKey(MonthThreshold.RULE, "TUR-USA", "threshold-usd"));
    assertThat(ConfigKeys.parseOverride("tradewatch.rules.month-spike.overrides.TUR-WLD.enabled"))
        .hasValueSatisfying(
            override -> {
              assertThat(override.rule()).isSameAs(MonthSpike.RULE);
              assertThat(override.selector()).isEqualTo("TUR-WLD");
            });
  }

  @Test
  void shouldTakeTheSelectorAsEverythingBetweenOverridesAndTheLastDot() {
    assertThat(
            ConfigKeys.parseOverride(
                "tradewatch.rules.month-spike.overrides.TUR-*-defence-aerospace.factor"))
        .contains(new OverrideKey(MonthSpike.RULE, "TUR-*-defence-aerospace", "factor"));
    assertThat(ConfigKeys.parseOverride("tradewatch.rules.month-spike.overrides.*-USA.factor"))
        .contains(new OverrideKey(MonthSpike.RULE, "*-USA", "factor"));
    assertThat(
            ConfigKeys.parseOverride("tradewatch.rules.month-spike.overrides.*-*-84.71.categories"))
        .contains(new OverrideKey(MonthSpike.RULE, "*-*-84.71", "categories"));
  }

  @Test
  void shouldNotTakeUnknownRulesOrKeysOrShapesForOverrides() {
    assertThat(
            ConfigKeys.parseOverride("tradewatch.rules.month-treshold.overrides.TUR-USA.enabled"))
        .isEmpty();
    assertThat(ConfigKeys.parseOverride("tradewatch.rules.month-spike.overrides.TUR-USA.ratio"))
        .isEmpty();
    assertThat(ConfigKeys.parseOverride("tradewatch.rules.month-spike.overrides.TURUSA.enabled"))
        .isEmpty();
    assertThat(ConfigKeys.parseOverride("tradewatch.rules.month-spike.enabled")).isEmpty();
  }

  @Test
  void shouldBuildTheDefaultsOfRuleKeysFromTheRules() {
    for (Rule<?> rule : Rules.ALL) {
      rule.defaults()
          .forEach(
              (key, value) ->
                  assertThat(ConfigKeys.DEFAULTS)
                      .containsEntry("tradewatch.rules." + rule.name() + "." + key, value));
    }
    assertThat(ConfigKeys.DEFAULTS.keySet().stream().filter(k -> k.startsWith("tradewatch.rules.")))
        .hasSize(Rules.ALL.stream().mapToInt(rule -> rule.defaults().size()).sum());
  }

  @Test
  void shouldMapEveryRuleKeyAndItsOverrideFromTheEnvironment() {
    for (Rule<?> rule : Rules.ALL) {
      for (String key : rule.defaults().keySet()) {
        String global = ConfigKeys.ruleKey(rule, key);
        String override = ConfigKeys.overrideKey(rule, "TUR-USA", key);

        assertThat(ConfigKeys.keyForEnv(ConfigKeys.envName(global))).contains(global);
        assertThat(ConfigKeys.keyForEnv(ConfigKeys.envName(override))).contains(override);
      }
    }
    assertThat(ConfigKeys.keyForEnv("TRADEWATCH_RULES_YTD_RATIO_FLOOR_USD"))
        .isEqualTo(Optional.of("tradewatch.rules.ytd-ratio.floor-usd"));
  }
}
