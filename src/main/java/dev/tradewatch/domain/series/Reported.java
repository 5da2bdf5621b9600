package dev.tradewatch.domain.series;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A value as reported, with the publication instant that orders its revisions and its source (free
 * text from the input, null when the figure named none).
 */
public record Reported(long valueCents, Instant publishedAt, String source) {

  private static final Comparator<String> SOURCES =
      Comparator.nullsFirst(Comparator.naturalOrder());

  /** A report without a source. */
  public Reported(long valueCents, Instant publishedAt) {
    this(valueCents, publishedAt, null);
  }

  public Reported {
    Objects.requireNonNull(publishedAt, "publishedAt");
  }

  /**
   * Whether this report supersedes {@code other}: newer publications win, and equal instants are
   * broken by the larger value, then by the source text, so that the outcome (evidence included)
   * never depends on arrival order.
   */
  public boolean supersedes(Reported other) {
    int byTime = publishedAt.compareTo(other.publishedAt);
    if (byTime != 0) {
      return byTime > 0;
    }
    if (valueCents != other.valueCents) {
      return valueCents > other.valueCents;
    }
    return SOURCES.compare(source, other.source) > 0;
  }
}
