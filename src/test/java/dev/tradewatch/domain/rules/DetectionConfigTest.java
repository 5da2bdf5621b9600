package dev.tradewatch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewatch.domain.figures.Usd;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionConfigTest {

  private static final String SPIKE = "tradewatch.rules.month-spike.";

  @Test
  void shouldGiveTheGlobalSettingsToAFlowNoSelectorMatches() {
    DetectionConfig config = config(Map.of(SPIKE + "overrides.TUR-USA.factor", "3"), "TUR-USA");

    assertThat(config.forFlow("DEU", "FRA", "total")).isSameAs(config.global());
    assertThat(config.global()).isEqualTo(RuleSettings.defaults());
  }

  @Test
  void shouldGiveAFlowTheValueOfTheMostSpecificSelector() {
    DetectionConfig config =
        config(
            Map.of(
                SPIKE + "overrides.TUR-*-93.factor", "6",
                SPIKE + "overrides.TUR-USA.factor", "4",
                SPIKE + "overrides.*-USA.factor", "3",
                SPIKE + "overrides.*-*-8806.factor", "8"),
            "TUR-*-93",
            "TUR-USA",
            "*-USA",
            "*-*-8806");

    assertThat(factor(config, "TUR", "USA", "93")).isEqualTo("6");
    assertThat(factor(config, "TUR", "USA", "total")).isEqualTo("4");
    assertThat(factor(config, "DEU", "USA", "93")).isEqualTo("3");
    assertThat(factor(config, "TUR", "USA", "8806")).isEqualTo("8"); // category beats the pair
    assertThat(factor(config, "DEU", "FRA", "93")).isEqualTo("10");
  }

  @Test
  void shouldTakeAKeyTheMostSpecificSelectorDoesNotSetFromTheNextThatDoes() {
    DetectionConfig config =
        config(
            Map.of(
                SPIKE + "floor-usd", "1000000",
                SPIKE + "overrides.TUR-*-93.factor", "6",
                SPIKE + "overrides.TUR-USA.floor-usd", "2000000",
                SPIKE + "overrides.TUR-USA.factor", "4"),
            "TUR-*-93",
            "TUR-USA");

    MonthSpike.Settings settings = config.forFlow("TUR", "USA", "93").of(MonthSpike.RULE);

    assertThat(settings.factor()).isEqualByComparingTo("6");
    assertThat(settings.floorCents()).isEqualTo(Usd.toCents(2_000_000L));
    assertThat(config.forFlow("TUR", "GRC", "93").of(MonthSpike.RULE).floorCents())
        .isEqualTo(Usd.toCents(1_000_000L));
  }

  @Test
  void shouldResolveAFlowOnceAndReuseTheSettings() {
    DetectionConfig config = config(Map.of(SPIKE + "overrides.TUR-*.factor", "3"), "TUR-*");

    RuleSettings first = config.forFlow("TUR", "USA", "93");

    assertThat(config.forFlow("TUR", "GRC", "8806")).isSameAs(first);
    assertThat(first.of(MonthSpike.RULE).factor()).isEqualByComparingTo(new BigDecimal("3"));
  }

  @Test
  void shouldOverrideScopeKeysPerSelector() {
    DetectionConfig config =
        config(
            Map.of(
                SPIKE + "categories", "93,8802",
                SPIKE + "overrides.TUR-*.categories", "*"),
            "TUR-*");

    assertThat(config.global().of(MonthSpike.RULE).scope().lists())
        .containsKey(ScopeKey.CATEGORIES);
    assertThat(config.forFlow("TUR", "USA", "total").of(MonthSpike.RULE).scope())
        .isEqualTo(Scope.EVERYTHING);
  }

  @Test
  void shouldRefuseABadOverrideAtOnceNamingItsKey() {
    assertThatThrownBy(
            () -> config(Map.of(SPIKE + "overrides.*-*-93.factor", "0.5"), "*-*-93", "TUR-USA"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "tradewatch.rules.month-spike.overrides.*-*-93.factor: expected a number > 1,"
                + " found 0.5");
  }

  private static String factor(DetectionConfig config, String exp, String imp, String category) {
    return config
        .forFlow(exp, imp, category)
        .of(MonthSpike.RULE)
        .factor()
        .stripTrailingZeros()
        .toPlainString();
  }

  private static DetectionConfig config(Map<String, String> keys, String... selectors) {
    return DetectionConfig.read(
        new KeyNames("tradewatch.rules."),
        keys,
        Arrays.stream(selectors).map(text -> Selector.parse(text).orElseThrow()).toList());
  }
}
