package dev.tradewatch.domain.rules;

import java.util.Locale;

/**
 * How loud an alert is: spikes are medium, thresholds and ratios high, twice the threshold
 * critical.
 */
public enum Severity {
  MEDIUM,
  HIGH,
  CRITICAL;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  public String wireName() {
    return wireName;
  }

  public static Severity fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
