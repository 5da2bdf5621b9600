package dev.tradewatch.demo;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The demo's cases for the analyst checks, synthetic like its background (not real data): flows
 * reported by both sides, imports a few percent above exports as CIF against FOB, one of them with
 * a month the two sides disagree on twelvefold ({@code mirror-gap}); a partner quiet for over two
 * years that suddenly buys millions and keeps buying ({@code dormant-partner}); and a reporter that
 * stops publishing a category a year before the data ends ({@code source-silent}).
 */
final class AnalystCases {

  /** Flows both sides report: exporter, importer, category. */
  private static final String[][] MIRRORED = {
    {"FRA", "IND", "8802"},
    {"USA", "SAU", "8802"},
    {"DEU", "HUN", "8710"},
    {"ISR", "AZE", "93"},
    {"KOR", "POL", "8710"},
    {"ITA", "QAT", "8906"}
  };

  /** The month ISR→AZE arms disagree on: Azerbaijan reports $41.0M, Israel $3.2M. */
  static final YearMonth GAP = YearMonth.of(2023, 5);

  /** Sweden's arms to Armenia, quiet for 28 months, then $4.0M. */
  static final YearMonth WAKES = YearMonth.of(2023, 5);

  /** Serbia's last month of arms exports reported; nothing after it. */
  static final YearMonth SILENT_AFTER = YearMonth.of(2022, 12);

  private record Line(Instant publishedAt, String json) {}

  private AnalystCases() {}

  static List<String> lines(long seed, int firstYear, int years) {
    Random random = new Random(seed);
    List<Line> lines = new ArrayList<>();
    YearMonth first = YearMonth.of(firstYear, 1);
    YearMonth last = YearMonth.of(firstYear + years - 1, 12);
    for (String[] flow : MIRRORED) {
      long level = 3_000_000 + random.nextInt(17_000_000);
      for (YearMonth period = first; !period.isAfter(last); period = period.plusMonths(1)) {
        long exports = Math.round(level * (0.8 + 0.4 * random.nextDouble()));
        long imports = Math.round(exports * (1.03 + 0.05 * random.nextDouble())); // CIF over FOB
        if (flow[0].equals("ISR") && period.equals(GAP)) {
          exports = 3_200_000;
          imports = 41_000_000;
        }
        lines.add(
            figure(flow, flow[0], period, exports, published(period, 20 + random.nextInt(8))));
        lines.add(
            figure(flow, flow[1], period, imports, published(period, 40 + random.nextInt(8))));
      }
    }
    String[] dormant = {"SWE", "ARM", "93"};
    for (YearMonth period = first; !period.isAfter(last); period = period.plusMonths(1)) {
      long usd =
          period.isBefore(WAKES)
              ? 5_000 + random.nextInt(35_000)
              : period.equals(WAKES) ? 4_000_000 : 500_000 + random.nextInt(1_000_000);
      lines.add(figure(dormant, "SWE", period, usd, published(period, 25)));
    }
    String[] silent = {"SRB", "UKR", "93"};
    for (YearMonth period = first; !period.isAfter(SILENT_AFTER); period = period.plusMonths(1)) {
      long usd = 1_000_000 + random.nextInt(2_000_000);
      lines.add(figure(silent, "SRB", period, usd, published(period, 30)));
    }
    lines.sort(Comparator.comparing(Line::publishedAt));
    return lines.stream().map(Line::json).toList();
  }

  private static Instant published(YearMonth period, int daysAfterItEnds) {
    return period
        .plusMonths(1)
        .atDay(1)
        .atStartOfDay()
        .toInstant(ZoneOffset.UTC)
        .plusSeconds(86_400L * daysAfterItEnds);
  }

  private static Line figure(
      String[] flow, String reporter, YearMonth period, long usd, Instant published) {
    return new Line(
        published,
        String.format(
            Locale.ROOT,
            "{\"exporter\":\"%s\",\"importer\":\"%s\",\"period\":\"%s\",\"basis\":\"month\","
                + "\"valueUsd\":%d,\"category\":\"%s\",\"reporter\":\"%s\","
                + "\"source\":\"synthetic\",\"publishedAt\":\"%s\"}",
            flow[0],
            flow[1],
            period,
            usd,
            flow[2],
            reporter,
            published));
  }
}
