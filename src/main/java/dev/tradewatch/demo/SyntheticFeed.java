package dev.tradewatch.demo;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic, clearly synthetic background feed for the demo, tests and benchmarks: pairs of
 * real country codes with ordinary monthly exports, some reported year-to-date, planted spikes,
 * later revisions and a few bad records. The same seed always gives the same lines. Not real data.
 */
public final class SyntheticFeed {

  private static final String[] EXPORTERS = {
    "DEU", "FRA", "ITA", "ESP", "NLD", "GBR", "USA", "CAN", "BRA", "CHN", "JPN", "KOR", "IND",
    "ISR", "SWE", "NOR", "POL", "CZE", "AUS", "ZAF"
  };
  private static final String[] IMPORTERS = {
    "AUT", "BEL", "CHE", "DNK", "FIN", "GRC", "HUN", "IRL", "PRT", "ROU", "BGR", "SRB", "UKR",
    "GEO", "ARM", "KAZ", "UZB", "ARE", "SAU", "QAT", "OMN", "EGY", "MAR", "NGA", "KEN", "ETH",
    "PAK", "BGD", "IDN", "MYS", "PHL", "VNM", "THA", "SGP", "NZL", "MEX", "COL", "PER", "CHL", "ARG"
  };

  /** A planted anomaly: the truth a backtest's precision and recall are measured against. */
  public record Spike(String exporter, String importer, YearMonth period) {}

  /** The generated lines (in publication order) and the spikes planted in them. */
  public record Feed(List<String> lines, List<Spike> spikes) {}

  private record Line(Instant publishedAt, String json) {}

  private SyntheticFeed() {}

  /** About {@code pairs} × 12 × {@code years} figures, plus revisions and a few bad records. */
  public static Feed generate(long seed, int pairs, int firstYear, int years) {
    Random random = new Random(seed);
    List<Line> lines = new ArrayList<>();
    List<Spike> spikes = new ArrayList<>();
    for (String pair : pickPairs(random, pairs)) {
      String exporter = pair.substring(0, 3);
      String importer = pair.substring(4);
      generatePair(random, exporter, importer, firstYear, years, lines, spikes);
    }
    addBadRecords(firstYear, lines);
    lines.sort(Comparator.comparing(Line::publishedAt));
    return new Feed(lines.stream().map(Line::json).toList(), spikes);
  }

  private static Set<String> pickPairs(Random random, int pairs) {
    Set<String> picked = new LinkedHashSet<>();
    int limit = Math.min(pairs, EXPORTERS.length * IMPORTERS.length);
    while (picked.size() < limit) {
      picked.add(
          EXPORTERS[random.nextInt(EXPORTERS.length)]
              + "-"
              + IMPORTERS[random.nextInt(IMPORTERS.length)]);
    }
    return picked;
  }

  private static void generatePair(
      Random random,
      String exporter,
      String importer,
      int firstYear,
      int years,
      List<Line> lines,
      List<Spike> spikes) {
    long base =
        200_000 + (long) (Math.exp(random.nextGaussian() * 1.2) * 1_500_000); // USD per month
    base = Math.min(base, 15_000_000);
    boolean reportsYtd = random.nextInt(5) == 0;
    int spikeMonth =
        random.nextInt(20) == 0
            ? 13 + random.nextInt(12 * years - 13)
            : -1; // never in the first year
    for (int year = firstYear; year < firstYear + years; year++) {
      long ytd = 0;
      for (int month = 1; month <= 12; month++) {
        YearMonth period = YearMonth.of(year, month);
        int index = (year - firstYear) * 12 + month - 1;
        long value = Math.round(base * (0.7 + 0.6 * random.nextDouble()));
        if (index == spikeMonth) {
          value = Math.max(base * (15 + random.nextInt(25)), 8_000_000);
          spikes.add(new Spike(exporter, importer, period));
        }
        ytd += value;
        Instant published =
            period
                .plusMonths(1)
                .atDay(1 + random.nextInt(5))
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        String basis = reportsYtd ? "ytd" : "month";
        long reported = reportsYtd ? ytd : value;
        lines.add(
            new Line(published, json(exporter, importer, period, basis, reported, published)));
        if (random.nextInt(25) == 0) { // a revision a month later, within a few percent
          long revised = Math.round(reported * (0.97 + 0.06 * random.nextDouble()));
          Instant later = published.plusSeconds(86_400L * (28 + random.nextInt(10)));
          lines.add(new Line(later, json(exporter, importer, period, basis, revised, later)));
        }
      }
    }
  }

  private static void addBadRecords(int firstYear, List<Line> lines) {
    Instant at = YearMonth.of(firstYear, 6).atDay(3).atStartOfDay().toInstant(ZoneOffset.UTC);
    lines.add(
        new Line(
            at,
            "{\"exporter\":\"DEU\",\"importer\":\"XYZ\",\"period\":\""
                + firstYear
                + "-05\",\"valueUsd\":1000}"));
    lines.add(
        new Line(
            at.plusSeconds(1),
            "{\"exporter\":\"FRA\",\"importer\":\"BEL\",\"period\":\""
                + firstYear
                + "-05\",\"valueUsd\":-5}"));
    lines.add(new Line(at.plusSeconds(2), "DEU;AUT;" + firstYear + "-05;1000"));
    lines.add(
        new Line(
            at.plusSeconds(3),
            "{\"exporter\":\"ITA\",\"importer\":\"ITA\",\"period\":\""
                + firstYear
                + "-05\",\"valueUsd\":7}"));
    lines.add(
        new Line(
            at.plusSeconds(4),
            "{\"exporter\":\"ESP\",\"importer\":\"PRT\",\"period\":\"2999-01\",\"valueUsd\":7}"));
  }

  private static String json(
      String exporter,
      String importer,
      YearMonth period,
      String basis,
      long usd,
      Instant published) {
    return String.format(
        Locale.ROOT,
        "{\"exporter\":\"%s\",\"importer\":\"%s\",\"period\":\"%s\",\"basis\":\"%s\","
            + "\"valueUsd\":%d,\"category\":\"total\",\"source\":\"synthetic\",\"publishedAt\":\"%s\"}",
        exporter,
        importer,
        period,
        basis,
        usd,
        published);
  }
}
