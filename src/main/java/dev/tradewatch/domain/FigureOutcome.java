package dev.tradewatch.domain;

import java.util.Locale;

/**
 * What happened to an accepted figure: new, a revision, a repeat of what is known, or stale
 * (ignored).
 */
public enum FigureOutcome {
  NEW,
  REVISION,
  DUPLICATE,
  STALE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
