package dev.tradewatch.domain.series;

import dev.tradewatch.domain.figures.Basis;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one reporter has published in one category, to any partner: the first publication of each of
 * its latest {@value #PERIODS} periods. Revisions do not count, so only the earliest publication of
 * a period is kept; older periods are dropped, so the history stays small.
 */
public final class SourceHistory {

  /** How many of the latest periods are kept (and judged by). */
  public static final int PERIODS = 12;

  /** A period's first publication: the figure that first said anything about it. */
  public record FirstPublication(
      YearMonth period, Basis basis, long valueCents, String source, Instant publishedAt) {

    /**
     * Whether this publication would replace {@code known} as its period's first: the order the
     * history keeps, so that a filter in front of it can drop what it would ignore.
     */
    public boolean precedes(FirstPublication known) {
      return earlier(this, known);
    }
  }

  private final TreeMap<YearMonth, FirstPublication> periods = new TreeMap<>();

  /**
   * Records a publication; returns whether it changed the history (a newer period, or an earlier
   * publication of a kept one).
   */
  public boolean record(FirstPublication publication) {
    YearMonth period = publication.period();
    if (periods.size() >= PERIODS && period.isBefore(periods.firstKey())) {
      return false;
    }
    FirstPublication known = periods.get(period);
    if (known != null && !earlier(publication, known)) {
      return false;
    }
    periods.put(period, publication);
    while (periods.size() > PERIODS) {
      periods.pollFirstEntry();
    }
    return true;
  }

  /** Earlier wins; equal instants are broken by value, then source, so order never matters. */
  private static boolean earlier(FirstPublication candidate, FirstPublication known) {
    int byTime = candidate.publishedAt().compareTo(known.publishedAt());
    if (byTime != 0) {
      return byTime < 0;
    }
    if (candidate.valueCents() != known.valueCents()) {
      return candidate.valueCents() > known.valueCents();
    }
    String a = candidate.source() == null ? "" : candidate.source();
    String b = known.source() == null ? "" : known.source();
    return a.compareTo(b) > 0 || a.equals(b) && candidate.basis().compareTo(known.basis()) > 0;
  }

  /** The kept periods' first publications, oldest first (read-only). */
  public NavigableMap<YearMonth, FirstPublication> periods() {
    return Collections.unmodifiableNavigableMap(periods);
  }

  public Optional<FirstPublication> latest() {
    return periods.isEmpty() ? Optional.empty() : Optional.of(periods.lastEntry().getValue());
  }

  /** The first publications as evidence of {@code reporter}'s, oldest first. */
  public List<Evidence> evidence(String reporter) {
    List<Evidence> evidence = new ArrayList<>();
    periods.values().stream()
        .map(
            p ->
                new Evidence(
                    p.period(),
                    p.basis(),
                    p.valueCents(),
                    Provenance.REPORTED,
                    p.source(),
                    p.publishedAt(),
                    reporter))
        .forEach(evidence::add);
    return evidence;
  }
}
