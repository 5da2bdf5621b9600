package dev.tradewatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.rules.DetectionConfig;
import dev.tradewatch.domain.rules.MonthSpike;
import dev.tradewatch.domain.rules.MonthThreshold;
import dev.tradewatch.domain.rules.RuleSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Resolution by selector (docs/contract.md, "Rules"): for each rule key, a flow takes the value of
 * the most specific matching selector that sets it, else the global value, whatever order the keys
 * are listed in.
 */
class SelectorResolutionProperties {

  private static final List<String> EXPORTERS = List.of("TUR", "DEU", "FRA");
  private static final List<String> IMPORTERS = List.of("USA", "AZE", "GRC");
  private static final List<String> CATEGORIES = List.of("93", "defence-aerospace", "total");

  /** The rule keys overridden, and their global defaults. */
  private static final Map<String, Long> KEYS =
      Map.of(
          "month-spike.factor", 10L,
          "month-spike.floor-usd", 5_000_000L,
          "month-threshold.threshold-usd", 50_000_000L);

  record Override(String exporter, String importer, String category, String key, long value) {

    String selector() {
      return exporter + "-" + importer + (category == null ? "" : "-" + category);
    }

    String configKey() {
      int dot = key.indexOf('.');
      return "tradewatch.rules."
          + key.substring(0, dot)
          + ".overrides."
          + selector()
          + key.substring(dot);
    }

    boolean matches(String exp, String imp, String cat) {
      return (exporter.equals("*") || exporter.equals(exp))
          && (importer.equals("*") || importer.equals(imp))
          && (category == null || category.equals(cat));
    }

    /** Category outweighs an exact exporter, which outweighs an exact importer. */
    int specificity() {
      return (category == null ? 0 : 4)
          + (exporter.equals("*") ? 0 : 2)
          + (importer.equals("*") ? 0 : 1);
    }
  }

  @Property(tries = 300)
  void eachKeyComesFromTheMostSpecificSelectorThatSetsItInAnyOrder(
      @ForAll("overrides") List<Override> overrides, @ForAll Random random) {
    List<Override> shuffled = new ArrayList<>(overrides);
    Collections.shuffle(shuffled, random);

    DetectionConfig listed = read(overrides);
    DetectionConfig reordered = read(shuffled);

    for (String exporter : EXPORTERS) {
      for (String importer : IMPORTERS) {
        for (String category : CATEGORIES) {
          RuleSettings settings = listed.forFlow(exporter, importer, category);
          assertThat(reordered.forFlow(exporter, importer, category)).isEqualTo(settings);
          assertThat(dollars(settings))
              .as("%s-%s-%s", exporter, importer, category)
              .isEqualTo(expected(overrides, exporter, importer, category));
        }
      }
    }
  }

  private static DetectionConfig read(List<Override> overrides) {
    Map<String, String> values = new LinkedHashMap<>(ConfigKeys.DEFAULTS);
    overrides.forEach(o -> values.put(o.configKey(), Long.toString(o.value())));
    return RuleSettingsReader.detection(values);
  }

  /** The oracle: the highest specificity among matching overrides of each key, else global. */
  private static Map<String, Long> expected(
      List<Override> overrides, String exporter, String importer, String category) {
    Map<String, Long> expected = new LinkedHashMap<>();
    KEYS.forEach(
        (key, global) ->
            expected.put(
                key,
                overrides.stream()
                    .filter(o -> o.key().equals(key) && o.matches(exporter, importer, category))
                    .max((a, b) -> Integer.compare(a.specificity(), b.specificity()))
                    .map(Override::value)
                    .orElse(global)));
    return expected;
  }

  private static Map<String, Long> dollars(RuleSettings settings) {
    MonthSpike.Settings spike = settings.of(MonthSpike.RULE);
    return Map.of(
        "month-spike.factor", spike.factor().longValueExact(),
        "month-spike.floor-usd", spike.floorCents() / 100,
        "month-threshold.threshold-usd", settings.of(MonthThreshold.RULE).thresholdCents() / 100);
  }

  @Provide
  Arbitrary<List<Override>> overrides() {
    Arbitrary<String> exporters = Arbitraries.of("TUR", "DEU", "*");
    Arbitrary<String> importers = Arbitraries.of("USA", "AZE", "*");
    Arbitrary<String> categories = Arbitraries.of("93", "defence-aerospace").injectNull(0.5);
    Arbitrary<Override> overrides =
        Combinators.combine(
                exporters,
                importers,
                categories,
                Arbitraries.of(List.copyOf(KEYS.keySet())),
                Arbitraries.longs().between(2, 1_000))
            .as(Override::new);
    return overrides.list().ofMaxSize(12).uniqueElements(o -> o.selector() + " " + o.key());
  }
}
