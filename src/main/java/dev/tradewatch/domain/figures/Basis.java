package dev.tradewatch.domain.figures;

import java.util.Locale;
import java.util.Optional;

/** Whether a figure is the value of its month alone or the cumulative value from January. */
public enum Basis {
  MONTH,
  YTD;

  private static final Basis[] ALL = values();

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** The lower-case name used on the wire ({@code month}, {@code ytd}). */
  public String wireName() {
    return wireName;
  }

  public static Optional<Basis> fromWireName(String name) {
    for (Basis basis : ALL) { // every figure names one: no array copy per call
      if (basis.wireName().equals(name)) {
        return Optional.of(basis);
      }
    }
    return Optional.empty();
  }
}
