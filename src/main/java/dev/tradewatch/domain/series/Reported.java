package dev.tradewatch.domain.series;

import java.time.Instant;

/** A value as reported, with the publication instant that orders its revisions. */
public record Reported(long valueCents, Instant publishedAt) {

  /**
   * Whether this report supersedes {@code other}: newer publications win, and equal instants are
   * broken by the larger value so that the outcome never depends on arrival order.
   */
  public boolean supersedes(Reported other) {
    int byTime = publishedAt.compareTo(other.publishedAt);
    return byTime != 0 ? byTime > 0 : valueCents > other.valueCents;
  }
}
