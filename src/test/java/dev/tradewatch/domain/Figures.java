package dev.tradewatch.domain;

import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.figures.Usd;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Test fixtures: {@code figure("TUR", "AZE", "2020-09", 77_100_000)} and friends. */
final class Figures {

  static final String CATEGORY = "defence-aerospace";

  private Figures() {}

  /** A monthly figure published on the 2nd of the following month. */
  static Figure figure(String exporter, String importer, String period, long usd) {
    return build(exporter, importer, period, Basis.MONTH, usd, defaultPublication(period));
  }

  static Figure ytd(String exporter, String importer, String period, long usd) {
    return build(exporter, importer, period, Basis.YTD, usd, defaultPublication(period));
  }

  static Figure republished(Figure figure, long usd, Instant publishedAt) {
    return new Figure(
        figure.series(),
        figure.period(),
        figure.basis(),
        Usd.toCents(usd),
        figure.source(),
        publishedAt);
  }

  static Figure withSource(Figure figure, String source) {
    return new Figure(
        figure.series(),
        figure.period(),
        figure.basis(),
        figure.valueCents(),
        source,
        figure.publishedAt());
  }

  static Figure build(
      String exporter, String importer, String period, Basis basis, long usd, Instant publishedAt) {
    SeriesKey series = new SeriesKey(exporter, importer, CATEGORY, exporter);
    return new Figure(
        series, YearMonth.parse(period), basis, Usd.toCents(usd), "test", publishedAt);
  }

  static Instant defaultPublication(String period) {
    return YearMonth.parse(period).plusMonths(1).atDay(2).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /**
   * The reference case as published by the Turkish Exporters' Assembly
   * (shared/data/seed-case.jsonl).
   */
  static Figure[] seedCase() {
    return new Figure[] {
      ytd("TUR", "AZE", "2019-09", 20_700_000),
      figure("TUR", "AZE", "2020-07", 278_880),
      figure("TUR", "AZE", "2020-08", 36_000_000),
      figure("TUR", "AZE", "2020-09", 77_100_000),
      figure("TUR", "OMN", "2020-09", 63_000_000),
      figure("TUR", "USA", "2020-09", 63_000_000),
      ytd("TUR", "AZE", "2020-09", 123_000_000),
    };
  }
}
