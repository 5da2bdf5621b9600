package dev.tradewatch.domain.figures;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;

/** A validated trade figure: one series' value for one period on one basis, in US cents. */
public record Figure(
    SeriesKey series,
    YearMonth period,
    Basis basis,
    long valueCents,
    String source,
    Instant publishedAt) {

  public Figure {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(publishedAt, "publishedAt");
    if (valueCents < 0) {
      throw new IllegalArgumentException("negative value " + valueCents);
    }
  }

  public FigureId id() {
    return new FigureId(period, basis);
  }
}
