package dev.tradewatch.domain.figures;

import java.util.Locale;
import java.util.Optional;

/** Whether a figure is the value of its month alone or the cumulative value from January. */
public enum Basis {
  MONTH,
  YTD;

  /** The lower-case name used on the wire ({@code month}, {@code ytd}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Basis> fromWireName(String name) {
    for (Basis basis : values()) {
      if (basis.wireName().equals(name)) {
        return Optional.of(basis);
      }
    }
    return Optional.empty();
  }
}
