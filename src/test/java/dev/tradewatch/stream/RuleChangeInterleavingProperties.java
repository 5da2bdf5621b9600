package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.config.RulesTopicLayer;
import dev.tradewatch.config.SettingsLoader;
import dev.tradewatch.config.Topics;
import dev.tradewatch.testing.KafkaTestSupport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Order independence grows to rule changes (docs/contract.md, "Rules changed at runtime"): figures,
 * rules-topic records (values, tombstones, bad values) and the punctuations that notice them, in
 * any interleaving, end — once the re-evaluation is done — in the alert state of a backtest that
 * ran every figure under the final settings: the last good value of every key still set.
 */
class RuleChangeInterleavingProperties {

  private static final String BAD = "not a number";

  /** Sources judged at one "now" in both runs, as the contract compares them. */
  private static final Map<String, String> AS_OF =
      Map.of(TopologyFixture.SOURCES_AS_OF, "2022-06-01T00:00:00Z");

  /** One step of a live run. */
  sealed interface Step {}

  record FigureStep(String json) implements Step {}

  record RuleStep(String key, String value) implements Step {}

  record Tick() implements Step {}

  @Property(tries = 40)
  void anyInterleavingOfFiguresAndRuleChangesEndsAtTheBacktestWithTheFinalSettings(
      @ForAll("runs") List<Step> steps) {
    Map<String, String> live;
    try (TopologyFixture run = TopologyFixture.withRules(AS_OF)) {
      for (Step step : steps) {
        if (step instanceof FigureStep figure) {
          run.send(figure.json());
        } else if (step instanceof RuleStep rule) {
          run.setRule(rule.key(), rule.value());
        } else {
          run.driver.advanceWallClockTime(FlowProcessor.RULES_CHECK_INTERVAL);
        }
      }
      run.awaitRulesApplied();
      live = KafkaTestSupport.currentState(TopologyFixture.latest(run.readAlerts()));
    }

    Map<String, String> finalSettings = new HashMap<>(finalSettings(steps));
    finalSettings.putAll(AS_OF);
    Map<String, String> backtest;
    try (TopologyFixture reference =
        new TopologyFixture(
            new TopologySettings(
                Topics.defaults(),
                new RulesTopicLayer(SettingsLoader.load(null, Map.of(), finalSettings)),
                TopologySettings.defaults().maxRecordBytes(),
                TopologySettings.defaults().deadLetterMaxBytes()))) {
      steps.stream()
          .filter(FigureStep.class::isInstance)
          .forEach(step -> reference.send(((FigureStep) step).json()));
      reference.endOfInput();
      backtest = KafkaTestSupport.currentState(TopologyFixture.latest(reference.readAlerts()));
    }

    assertThat(live).isEqualTo(backtest);
    Statistics.label("alerts active at the end").collect(backtest.isEmpty() ? "none" : "some");
    Statistics.label("steps/10, active at the end").collect(steps.size() / 10, backtest.size());
    Statistics.label("alerts active at the end")
        .coverage(check -> check.check("some").percentage(p -> p >= 30));
  }

  /** The value of every key set at the end: the last good one, unless a tombstone followed it. */
  private static Map<String, String> finalSettings(List<Step> steps) {
    Map<String, String> settings = new HashMap<>();
    for (Step step : steps) {
      if (step instanceof RuleStep rule) {
        if (rule.value() == null) {
          settings.remove(rule.key());
        } else if (!rule.value().equals(BAD)) {
          settings.put(rule.key(), rule.value());
        }
      }
    }
    return settings;
  }

  @Provide
  Arbitrary<List<Step>> runs() {
    Arbitrary<Step> step =
        Arbitraries.frequencyOf(
            Tuple.of(6, figures()),
            Tuple.of(3, ruleChanges()),
            Tuple.of(2, Arbitraries.just(new Tick())));
    return step.list().ofMinSize(15).ofMaxSize(60).map(RuleChangeInterleavingProperties::copy);
  }

  private static List<Step> copy(List<Step> steps) {
    return new ArrayList<>(steps);
  }

  /** Months and year-to-date figures of three pairs over two years, some over any threshold. */
  private static Arbitrary<Step> figures() {
    Arbitrary<String> importers = Arbitraries.of("AZE", "ARM", "OMN");
    Arbitrary<Integer> years = Arbitraries.integers().between(2019, 2020);
    Arbitrary<Integer> months = Arbitraries.integers().between(1, 12);
    Arbitrary<String> bases = Arbitraries.frequency(Tuple.of(9, "month"), Tuple.of(1, "ytd"));
    Arbitrary<Long> values =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, 3_000_000),
            Arbitraries.longs().between(3_000_000, 40_000_000),
            Arbitraries.longs().between(40_000_000, 200_000_000));
    Arbitrary<Integer> publishedDay = Arbitraries.integers().between(1, 5);
    return Combinators.combine(importers, years, months, bases, values, publishedDay)
        .as(
            (importer, year, month, basis, usd, day) ->
                new FigureStep(
                    """
                        {"exporter":"TUR","importer":"%s","period":"%d-%02d","basis":"%s",\
                        "valueUsd":%d,"category":"defence-aerospace","source":"TIM",\
                        "publishedAt":"2022-01-%02dT00:00:00Z"}"""
                        .formatted(importer, year, month, basis, usd, day)));
  }

  /** Values that make rules fire or resolve, scopes, wildcard overrides, tombstones, bad values. */
  private static Arbitrary<Step> ruleChanges() {
    return Arbitraries.oneOf(
        change("tradewatch.rules.month-threshold.threshold-usd", "20000000", "100000000"),
        change("tradewatch.rules.month-spike.factor", "3", "30"),
        change("tradewatch.rules.ytd-ratio.ratio", "2", "8"),
        change("tradewatch.rules.month-threshold.importers", "AZE", "ARM,OMN"),
        change("tradewatch.rules.month-spike.enabled", "false", "true"),
        change(
            "tradewatch.rules.month-spike.overrides.TUR-*-defence-aerospace.floor-usd",
            "1000000",
            "50000000"),
        change("tradewatch.rules.ytd-ratio.overrides.TUR-AZE.floor-usd", "1000000", "90000000"));
  }

  private static Arbitrary<Step> change(String key, String one, String other) {
    return Arbitraries.frequency(
            Tuple.of(3, one), Tuple.of(3, other), Tuple.of(2, "TOMBSTONE"), Tuple.of(1, BAD))
        .map(value -> new RuleStep(key, value.equals("TOMBSTONE") ? null : value));
  }
}
