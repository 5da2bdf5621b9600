package dev.tradewatch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewatch.domain.figures.SeriesKey;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeTest {

  private static final SeriesKey ARMS = new SeriesKey("TUR", "AZE", "93", "TUR");
  private static final SeriesKey AIRCRAFT = new SeriesKey("TUR", "AZE", "8802", "TUR");

  @Test
  void shouldLetEverySeriesThroughByDefault() {
    Scope scope = RuleSettings.defaults().of(MonthThreshold.RULE).scope();

    assertThat(scope).isEqualTo(Scope.EVERYTHING);
    assertThat(scope.includes(ARMS)).isTrue();
  }

  @Test
  void shouldReadTrimmedListsAndLetOnlyListedValuesThrough() {
    Scope scope = scope(Map.of("categories", " 93 , defence-aerospace", "importers", "AZE,ARM"));

    assertThat(scope.lists())
        .containsOnly(
            Map.entry(ScopeKey.CATEGORIES, Set.of("93", "defence-aerospace")),
            Map.entry(ScopeKey.IMPORTERS, Set.of("AZE", "ARM")));
    assertThat(scope.includes(ARMS)).isTrue();
    assertThat(scope.includes(AIRCRAFT)).isFalse();
    assertThat(scope.includes(new SeriesKey("TUR", "GRC", "93", "TUR"))).isFalse();
  }

  @Test
  void shouldRefuseAnEmptyListNamingTheKey() {
    assertThatThrownBy(() -> scope(Map.of("categories", "")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("tradewatch.rules.month-threshold.categories: expected * or a")
        .hasMessageEndingWith("found nothing");
    assertThatThrownBy(() -> scope(Map.of("categories", "93,")))
        .hasMessageStartingWith("tradewatch.rules.month-threshold.categories: expected");
  }

  @Test
  void shouldRefuseUnknownCountryCodesAndAStarInAList() {
    assertThatThrownBy(() -> scope(Map.of("exporters", "TUR,XXX")))
        .hasMessage(
            "tradewatch.rules.month-threshold.exporters: expected * or a comma-separated list of"
                + " ISO 3166-1 alpha-3 codes (or WLD), found TUR,XXX");
    assertThatThrownBy(() -> scope(Map.of("importers", "*,AZE")))
        .hasMessageStartingWith("tradewatch.rules.month-threshold.importers: expected");
    assertThat(scope(Map.of("exporters", "WLD")).includes(new SeriesKey("WLD", "AZE", "93", "AZE")))
        .isTrue();
  }

  private static Scope scope(Map<String, String> keys) {
    return MonthThreshold.RULE.parse(RuleFixtures.values(MonthThreshold.RULE, keys)).scope();
  }
}
