package dev.tradewatch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.Figure;
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
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Order independence (docs/contract.md, "Output alert"): once the same set of figures has been
 * processed, the current state of every alert is the same whatever order they arrived in and
 * however the series were spread over partitions. Feeds mix bases, revisions, ties on publishedAt
 * and inconsistent ytds.
 */
class OrderIndependenceProperties {

  private static final Instant EPOCH = Instant.parse("2022-01-01T00:00:00Z");

  @Property(tries = 300)
  void anyPermutationAndPartitioningEndsInTheSameAlertState(
      @ForAll("feeds") List<Figure> feed,
      @ForAll Random random,
      @ForAll @IntRange(min = 1, max = 4) int partitions) {
    Map<String, String> reference = new Monitor().feed(feed.toArray(Figure[]::new)).activeAlerts();

    List<Figure> shuffled = new ArrayList<>(feed);
    Collections.shuffle(shuffled, random);

    assertThat(partitioned(shuffled, partitions)).isEqualTo(reference);
  }

  @Property(tries = 100)
  void reprocessingTheWholeFeedEmitsNothingMore(@ForAll("feeds") List<Figure> feed) {
    Monitor monitor = new Monitor().feed(feed.toArray(Figure[]::new));
    int emitted = monitor.emitted().size();

    monitor.feed(feed.toArray(Figure[]::new));

    assertThat(monitor.emitted()).hasSize(emitted);
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
    monitors.forEach(monitor -> union.putAll(monitor.activeAlerts()));
    return union;
  }

  @Provide
  Arbitrary<List<Figure>> feeds() {
    Arbitrary<String> importers = Arbitraries.of("AZE", "ARM", "OMN");
    Arbitrary<String> periods =
        Combinators.combine(
                Arbitraries.integers().between(2019, 2021), Arbitraries.integers().between(1, 12))
            .as((year, month) -> String.format("%d-%02d", year, month));
    Arbitrary<Basis> bases =
        Arbitraries.frequency(Tuple.of(7, Basis.MONTH), Tuple.of(3, Basis.YTD));
    // mostly ordinary months, some large enough for spikes, a few over the $50M threshold
    Arbitrary<Long> values =
        Arbitraries.integers()
            .between(1, 10)
            .flatMap(
                roll ->
                    roll <= 6
                        ? Arbitraries.longs().between(0, 3_000_000)
                        : roll <= 9
                            ? Arbitraries.longs().between(3_000_000, 30_000_000)
                            : Arbitraries.longs().between(30_000_000, 300_000_000));
    Arbitrary<Instant> published =
        Arbitraries.integers().between(0, 4).map(days -> EPOCH.plusSeconds(86_400L * days));
    Arbitrary<Figure> figures =
        Combinators.combine(importers, periods, bases, values, published)
            .as(
                (importer, period, basis, usd, at) ->
                    Figures.build("TUR", importer, period, basis, usd, at));
    return figures.list().ofMinSize(1).ofMaxSize(60);
  }
}
