package dev.tradewatch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectorTest {

  @Test
  void shouldReadPairsWildcardsAndCategoriesThatContainDashes() {
    assertThat(Selector.parse("TUR-USA")).contains(new Selector("TUR", "USA", null));
    assertThat(Selector.parse("*-USA")).contains(new Selector("*", "USA", null));
    assertThat(Selector.parse("*-*")).contains(new Selector("*", "*", null));
    assertThat(Selector.parse("TUR-*-defence-aerospace"))
        .contains(new Selector("TUR", "*", "defence-aerospace"));
    assertThat(Selector.parse("*-*-8806")).contains(new Selector("*", "*", "8806"));
    assertThat(Selector.parse("TUR-WLD-84.71")).contains(new Selector("TUR", "WLD", "84.71"));
  }

  @Test
  void shouldSpellItselfAsConfigured() {
    for (String text : List.of("TUR-USA", "*-USA", "TUR-*-defence-aerospace", "*-*-93")) {
      assertThat(Selector.parse(text).orElseThrow()).hasToString(text);
    }
  }

  @Test
  void shouldRefuseUnknownCodesEqualCodesAndBadCategories() {
    for (String text :
        List.of(
            "TUR-XXX",
            "tur-USA",
            "TURUSA",
            "TUR",
            "-USA",
            "TUR-",
            "TUR-TUR",
            "TUR-TUR-93",
            "TUR-USA-",
            "TUR-USA-*",
            "TUR-USA- 93",
            "**-USA")) {
      assertThat(Selector.parse(text)).as(text).isEmpty();
    }
  }

  @Test
  void shouldOrderByCategoryThenExactExporterThenExactImporter() {
    List<Selector> selectors = new ArrayList<>(parse("*-USA", "*-*-93", "TUR-USA", "TUR-*-93"));
    selectors.add(selector("TUR-*"));
    selectors.add(selector("*-*"));
    selectors.add(selector("TUR-USA-93"));

    selectors.sort(Selector.MOST_SPECIFIC_FIRST);

    assertThat(selectors)
        .extracting(Selector::toString)
        .containsExactly("TUR-USA-93", "TUR-*-93", "*-*-93", "TUR-USA", "TUR-*", "*-USA", "*-*");
  }

  @Test
  void shouldPreferTurStarNinetyThreeOverTurUsaOverStarUsa() {
    assertThat(moreSpecific("TUR-*-93", "TUR-USA")).isEqualTo("TUR-*-93");
    assertThat(moreSpecific("TUR-USA", "*-USA")).isEqualTo("TUR-USA");
    assertThat(moreSpecific("*-*-93", "TUR-USA")).isEqualTo("*-*-93");
    assertThat(moreSpecific("TUR-*", "*-USA")).isEqualTo("TUR-*");
  }

  @Test
  void shouldMatchFlowsByExactPartsAndWildcards() {
    assertThat(selector("TUR-*-93").matches("TUR", "USA", "93")).isTrue();
    assertThat(selector("TUR-*-93").matches("TUR", "USA", "930")).isFalse();
    assertThat(selector("TUR-*-93").matches("DEU", "USA", "93")).isFalse();
    assertThat(selector("*-USA").matches("DEU", "USA", "total")).isTrue();
    assertThat(selector("*-USA").matches("USA", "DEU", "total")).isFalse();
    assertThat(selector("*-*").matches("DEU", "FRA", "8806")).isTrue();
  }

  private static String moreSpecific(String a, String b) {
    List<Selector> both = new ArrayList<>(parse(b, a));
    both.sort(Selector.MOST_SPECIFIC_FIRST);
    return both.get(0).toString();
  }

  private static List<Selector> parse(String... texts) {
    return List.of(texts).stream().map(SelectorTest::selector).toList();
  }

  private static Selector selector(String text) {
    return Selector.parse(text).orElseThrow();
  }
}
