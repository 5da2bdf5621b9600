package dev.tradewatch.bench;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A large synthetic feed for {@code bench}: {@code series} series (50 exporters × 199 importers ×
 * categories) with consecutive months each, a fifth of them reported year-to-date, about 3%
 * revisions and 2% spikes. Deterministic for a seed. Not real data. Each figure carries its series
 * as record key, which tradewatch ignores (keys are not trusted) but {@code bench}'s keyed-state
 * baseline uses.
 */
public final class BenchFeed {

  private static final String[] CODES =
      Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3).stream()
          .sorted()
          .toArray(String[]::new);

  private BenchFeed() {}

  /** One record: the series as key, the figure as UTF-8 JSON. */
  public record Entry(byte[] key, byte[] value) {}

  /** About {@code records} figures spread over {@code series} series, in publication order. */
  public static List<Entry> generate(long seed, int records, int series) {
    Random random = new Random(seed);
    int months = Math.max(1, records / series);
    List<Entry> out = new ArrayList<>(records + records / 20);
    YearMonth start = start(months, YearMonth.now(ZoneOffset.UTC));
    long[] ytd = new long[series];
    for (int m = 0; m < months; m++) {
      YearMonth period = start.plusMonths(m);
      if (period.getMonthValue() == 1) {
        Arrays.fill(ytd, 0);
      }
      for (int s = 0; s < series && out.size() < records; s++) {
        long base = 100_000 + (s % 997) * 10_000L;
        long value = base + random.nextInt((int) (base / 2) + 1);
        if (random.nextInt(50) == 0) {
          value = Math.max(value * 20, 8_000_000);
        }
        ytd[s] += value;
        boolean ytdSeries = s % 5 == 0;
        out.add(json(s, period, ytdSeries ? "ytd" : "month", ytdSeries ? ytd[s] : value, 0));
        if (random.nextInt(33) == 0) {
          out.add(
              json(
                  s,
                  period,
                  ytdSeries ? "ytd" : "month",
                  (ytdSeries ? ytd[s] : value) * 101 / 100,
                  1));
        }
      }
    }
    return out;
  }

  /**
   * January 2019, unless the feed would then reach months that cannot be published yet (each month
   * is published on the 2nd or 3rd of the next, and a publishedAt over a day ahead is refused):
   * then as late as that allows, whatever the day of the month.
   */
  static YearMonth start(int months, YearMonth current) {
    YearMonth latestPublished = current.minusMonths(2);
    YearMonth start = YearMonth.of(2019, 1);
    return start.plusMonths(months - 1L).isAfter(latestPublished)
        ? latestPublished.minusMonths(months - 1L)
        : start;
  }

  private static Entry json(int series, YearMonth period, String basis, long usd, int revision) {
    String exporter = CODES[series % 50];
    String importer = CODES[50 + (series / 50) % 199];
    String category =
        "c" + series / (50 * 199); // one category per full sweep of pairs: every series distinct
    byte[] key = (exporter + "-" + importer + "-" + category).getBytes(StandardCharsets.UTF_8);
    return new Entry(
        key,
        String.format(
                Locale.ROOT,
                "{\"exporter\":\"%s\",\"importer\":\"%s\",\"period\":\"%s\",\"basis\":\"%s\","
                    + "\"valueUsd\":%d,\"category\":\"%s\",\"source\":\"bench\",\"publishedAt\":\"%s0%dT00:00:00Z\"}",
                exporter,
                importer,
                period,
                basis,
                usd,
                category,
                period.plusMonths(1).atDay(1).toString().substring(0, 8),
                2 + revision)
            .getBytes(StandardCharsets.UTF_8));
  }
}
