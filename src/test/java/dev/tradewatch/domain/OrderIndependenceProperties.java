package dev.tradewatch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.rules.DetectionConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Order independence (docs/contract.md, "Output alert"): once the same set of figures has been
 * processed, the current state of every alert is the same whatever order they arrived in and
 * however the series were spread over partitions: whether it is active, and its numbers, those of a
 * RESOLVED record too, with their asOf, evidence and method (whether an inactive alert has a record
 * at all may differ, and firstFiredAsOf is history). Feeds mix bases, revisions, ties on
 * publishedAt (broken by value, then source), sources and inconsistent ytds.
 */
class OrderIndependenceProperties {

  private static final Instant EPOCH = Instant.parse("2022-01-01T00:00:00Z");

  @Property(tries = 300)
  void anyPermutationAndPartitioningEndsInTheSameAlertState(
      @ForAll("feeds") List<Figure> feed,
      @ForAll Random random,
      @ForAll @IntRange(min = 1, max = 4) int partitions) {
    Map<String, String> reference = new Monitor().feed(feed.toArray(Figure[]::new)).currentState();

    List<Figure> shuffled = new ArrayList<>(feed);
    Collections.shuffle(shuffled, random);
    Map<String, String> other = partitioned(shuffled, partitions);

    assertThat(active(other)).isEqualTo(active(reference));
    // whether an inactive alert has a record at all is history; where both have one, it agrees
    Map<String, String> inBoth = new TreeMap<>(reference);
    inBoth.keySet().retainAll(other.keySet());
    Map<String, String> otherInBoth = new TreeMap<>(other);
    otherInBoth.keySet().retainAll(reference.keySet());
    assertThat(otherInBoth).isEqualTo(inBoth);
    String compared = "resolved alerts with numbers compared";
    Statistics.label(compared)
        .collect(inBoth.values().stream().anyMatch(state -> state.startsWith("resolved ")));
    Statistics.label(compared).coverage(check -> check.check(true).percentage(p -> p >= 5));
    String withEvidence = "active alerts with evidence compared";
    Statistics.label(withEvidence)
        .collect(active(inBoth).values().stream().anyMatch(state -> state.contains("Evidence[")));
    Statistics.label(withEvidence).coverage(check -> check.check(true).percentage(p -> p >= 20));
    String dormant = "active dormant-partner alerts compared";
    Statistics.label(dormant)
        .collect(active(inBoth).keySet().stream().anyMatch(id -> id.contains("dormant-partner")));
    Statistics.label(dormant).coverage(check -> check.check(true).percentage(p -> p >= 5));
  }

  @Property(tries = 100)
  void reprocessingTheWholeFeedEmitsNothingMore(@ForAll("feeds") List<Figure> feed) {
    Monitor monitor = new Monitor().feed(feed.toArray(Figure[]::new));
    int emitted = monitor.emitted().size();

    monitor.feed(feed.toArray(Figure[]::new));

    assertThat(monitor.emitted()).hasSize(emitted);
  }

  /**
   * Each figure re-evaluates only what it can change (the months from its ledger's first change on,
   * the years after it that rules reach): a full re-evaluation afterwards finds nothing to do.
   */
  @Property(tries = 300)
  void aFullReevaluationAfterTheFeedChangesNothing(@ForAll("feeds") List<Figure> feed) {
    Monitor monitor = new Monitor().feed(feed.toArray(Figure[]::new));

    assertThat(monitor.reevaluateAll(DetectionConfig.defaults())).isEmpty();
  }

  private static Map<String, String> active(Map<String, String> state) {
    Map<String, String> active = new TreeMap<>(state);
    active.values().removeIf(value -> !value.startsWith("active "));
    return active;
  }

  /** Each series lives in exactly one partition, as after the repartition by series key. */
  private static Map<String, String> partitioned(List<Figure> feed, int partitions) {
    List<Monitor> monitors = new ArrayList<>();
    for (int i = 0; i < partitions; i++) {
      monitors.add(new Monitor());
    }
    for (Figure figure : feed) {
      monitors.get(Math.floorMod(figure.series().id().hashCode(), partitions)).feed(figure);
    }
    Map<String, String> union = new TreeMap<>();
    monitors.forEach(monitor -> union.putAll(monitor.currentState()));
    return union;
  }

  /**
   * Feeds spread over three pairs and three years; feeds crowded into half a year of one pair with
   * large values, where most figures are revised and alerts fire, update and resolve; and feeds
   * where a pair is quiet for two years and then wakes (dormant-partner), with small revisions that
   * may break the quiet.
   */
  @Provide
  Arbitrary<List<Figure>> feeds() {
    Arbitrary<List<Figure>> spread =
        figures(Arbitraries.of("AZE", "ARM", "OMN"), periods(2019, 2021, 12), values(9))
            .list()
            .ofMinSize(1)
            .ofMaxSize(60);
    Arbitrary<List<Figure>> crowded =
        figures(Arbitraries.of("AZE"), periods(2020, 2020, 6), values(5))
            .list()
            .ofMinSize(5)
            .ofMaxSize(25)
            .flatMap(feed -> withRevisions(feed, values(5)));
    return Arbitraries.oneOf(spread, crowded, waking());
  }

  /**
   * Two years of TUR→GEO months and a few ytds, mostly at most $100K (one in fifty above), then one
   * to three large months in the first half of 2020, and a small revision of about half of them
   * (which may break the quiet, or put a large month to rest).
   */
  private static Arbitrary<List<Figure>> waking() {
    Arbitrary<Long> small =
        Arbitraries.frequencyOf(
                Tuple.of(49, Arbitraries.longs().between(0, 100_000)),
                Tuple.of(1, Arbitraries.longs().between(100_001, 300_000)))
            .withoutEdgeCases(); // edge cases would put $100,001 or $300,000 into most feeds
    Arbitrary<List<Figure>> quiet =
        figures(Arbitraries.of("GEO"), periods(2018, 2019, 12), small, 1)
            .list()
            .ofMinSize(16)
            .ofMaxSize(36);
    Arbitrary<List<Figure>> wake =
        figures(
                Arbitraries.of("GEO"),
                periods(2020, 2020, 6),
                Arbitraries.longs()
                    .between(1_500_000, 30_000_000)
                    .withDistribution(RandomDistribution.uniform()), // not mostly near $1.5M
                0)
            .list()
            .ofMinSize(1)
            .ofMaxSize(3);
    return Combinators.combine(quiet, wake)
        .as(
            (before, after) -> {
              List<Figure> feed = new ArrayList<>(before);
              feed.addAll(after);
              return feed;
            })
        .flatMap(feed -> withRevisions(feed, small));
  }

  /** The figures of {@code feed}, and a revision of about half of them to {@code values}. */
  private static Arbitrary<List<Figure>> withRevisions(List<Figure> feed, Arbitrary<Long> values) {
    int size = feed.size();
    return Combinators.combine(
            Arbitraries.of(true, false).list().ofSize(size),
            values.list().ofSize(size),
            Arbitraries.integers().between(0, 4).list().ofSize(size))
        .as(
            (revise, usd, days) -> {
              List<Figure> revised = new ArrayList<>(feed);
              for (int i = 0; i < size; i++) {
                if (revise.get(i)) {
                  Instant at = EPOCH.plusSeconds(86_400L * days.get(i));
                  revised.add(Figures.republished(feed.get(i), usd.get(i), at));
                }
              }
              return revised;
            });
  }

  /** Figures of which three in ten are ytds. */
  private static Arbitrary<Figure> figures(
      Arbitrary<String> importers, Arbitrary<String> periods, Arbitrary<Long> values) {
    return figures(importers, periods, values, 3);
  }

  private static Arbitrary<Figure> figures(
      Arbitrary<String> importers,
      Arbitrary<String> periods,
      Arbitrary<Long> values,
      int ytdsInTen) {
    Arbitrary<Basis> bases =
        Arbitraries.frequency(
            Tuple.of(10 - ytdsInTen, Basis.MONTH), Tuple.of(ytdsInTen, Basis.YTD));
    Arbitrary<Instant> published =
        Arbitraries.integers().between(0, 4).map(days -> EPOCH.plusSeconds(86_400L * days));
    Arbitrary<String> sources = Arbitraries.of("TIM", "Comtrade");
    return Combinators.combine(importers, periods, bases, values, published, sources)
        .as(
            (importer, period, basis, usd, at, source) ->
                Figures.withSource(Figures.build("TUR", importer, period, basis, usd, at), source));
  }

  private static Arbitrary<String> periods(int firstYear, int lastYear, int lastMonth) {
    return Combinators.combine(
            Arbitraries.integers().between(firstYear, lastYear),
            Arbitraries.integers().between(1, lastMonth))
        .as((year, month) -> String.format("%d-%02d", year, month));
  }

  /**
   * Ordinary months, some large enough for spikes, and one in ten (or more, as {@code ordinary}
   * leaves room) over the $50M threshold.
   */
  private static Arbitrary<Long> values(int belowThreshold) {
    return Arbitraries.integers()
        .between(1, 10)
        .flatMap(
            roll ->
                roll <= belowThreshold * 2 / 3
                    ? Arbitraries.longs().between(0, 3_000_000)
                    : roll <= belowThreshold
                        ? Arbitraries.longs().between(3_000_000, 30_000_000)
                        : Arbitraries.longs().between(30_000_000, 300_000_000));
  }
}
