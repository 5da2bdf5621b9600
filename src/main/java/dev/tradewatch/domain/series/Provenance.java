package dev.tradewatch.domain.series;

import java.util.Locale;
import java.util.Optional;

/** How a value of a ledger came to be known. */
public enum Provenance {
  /** Reported as such. */
  REPORTED,
  /** Worked out from reported values: a month from two ytds, a ytd from a ytd and a month. */
  DERIVED,
  /**
   * A month inside a known ytd span: the span's unexplained rest spread over its unknown months.
   */
  SPAN_AVERAGE;

  private final String wireName = name().toLowerCase(Locale.ROOT).replace('_', '-');

  /** The name on the wire: {@code reported}, {@code derived}, {@code span-average}. */
  public String wireName() {
    return wireName;
  }

  public static Optional<Provenance> fromWireName(String name) {
    for (Provenance provenance : values()) {
      if (provenance.wireName().equals(name)) {
        return Optional.of(provenance);
      }
    }
    return Optional.empty();
  }
}
