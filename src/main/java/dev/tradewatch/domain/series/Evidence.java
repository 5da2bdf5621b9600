package dev.tradewatch.domain.series;

import dev.tradewatch.domain.figures.Basis;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One value a rule looked at, so a reader can check an alert without the store: the period and
 * basis, the value, how it is known, the source of a reported value (null otherwise or when none
 * was given), and when it became knowable: its own publication when reported, the latest
 * publication of the values it was worked out from otherwise. {@code reporter} is null for a value
 * of the alert's own series, and names the reporter when a rule compares two series.
 */
public record Evidence(
    YearMonth period,
    Basis basis,
    long valueCents,
    Provenance known,
    String source,
    Instant publishedAt,
    String reporter) {

  /** A value of the alert's own series. */
  public Evidence(
      YearMonth period,
      Basis basis,
      long valueCents,
      Provenance known,
      String source,
      Instant publishedAt) {
    this(period, basis, valueCents, known, source, publishedAt, null);
  }

  /** The same value, said to be {@code reporter}'s. */
  public Evidence reportedBy(String reporter) {
    return new Evidence(period, basis, valueCents, known, source, publishedAt, reporter);
  }

  public Evidence {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(known, "known");
    Objects.requireNonNull(publishedAt, "publishedAt");
  }
}
