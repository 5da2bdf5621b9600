package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.series.Evidence;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The filter in front of the source step drops figures the history would not take, ties included:
 * whatever the order of three partners' figures published at the same instant, the source keeps the
 * same first publication (the largest value wins a tie).
 */
class SourceNewsTest {

  private static final List<String> TIED =
      List.of(
          figure("AZE", "2020-07", 1_000_000),
          figure("ARM", "2020-07", 3_000_000),
          figure("GEO", "2020-07", 2_000_000));

  @Test
  void aTieOfPublicationsEndsTheSameInEveryOrder() {
    List<Long> kept = new ArrayList<>();
    for (List<String> order : permutations(TIED)) {
      kept.add(firstPublicationOfJuly(order));
    }

    assertThat(kept).hasSize(6).containsOnly(300_000_000L);
  }

  private static long firstPublicationOfJuly(List<String> tied) {
    try (TopologyFixture fixture =
        TopologyFixture.withRules(Map.of(TopologyFixture.SOURCES_AS_OF, "2021-06-01T00:00:00Z"))) {
      for (int month = 1; month <= 6; month++) {
        fixture.send(figure("AZE", "2020-0" + month, 500_000));
      }
      tied.forEach(fixture::send);
      Alert silent = TopologyFixture.latest(fixture.readAlerts()).get("SRB-93-source-silent");
      assertThat(silent).as("SRB's 93 went silent after 2020-07").isNotNull();
      return silent.evidence().stream()
          .filter(entry -> entry.period().equals(YearMonth.of(2020, 7)))
          .mapToLong(Evidence::valueCents)
          .findFirst()
          .orElseThrow();
    }
  }

  private static String figure(String importer, String period, long value) {
    String published = YearMonth.parse(period).plusMonths(1) + "-03T00:00:00Z";
    return "{\"exporter\":\"SRB\",\"importer\":\""
        + importer
        + "\",\"period\":\""
        + period
        + "\",\"valueUsd\":"
        + value
        + ",\"category\":\"93\",\"publishedAt\":\""
        + published
        + "\"}";
  }

  private static List<List<String>> permutations(List<String> items) {
    if (items.isEmpty()) {
      return List.of(List.of());
    }
    List<List<String>> all = new ArrayList<>();
    for (String first : items) {
      List<String> rest = new ArrayList<>(items);
      rest.remove(first);
      for (List<String> tail : permutations(rest)) {
        List<String> order = new ArrayList<>();
        order.add(first);
        order.addAll(tail);
        all.add(order);
      }
    }
    return all;
  }
}
