package dev.tradewatch.domain.series;

import dev.tradewatch.domain.figures.Basis;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One value a rule looked at, so a reader can check an alert without the store: the period and
 * basis, the value, how it is known, the source of a reported value (null otherwise or when none
 * was given), and when it became knowable: its own publication when reported, the latest
 * publication of the values it was worked out from otherwise.
 */
public record Evidence(
    YearMonth period,
    Basis basis,
    long valueCents,
    Provenance known,
    String source,
    Instant publishedAt) {

  public Evidence {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(known, "known");
    Objects.requireNonNull(publishedAt, "publishedAt");
  }
}
