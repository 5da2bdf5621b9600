package dev.tradewatch.domain.rules;

/**
 * The detection rules; each has a stable kebab-case name used in alert ids and configuration keys.
 */
public enum Rule {
  MONTH_THRESHOLD("month-threshold"),
  YTD_RATIO("ytd-ratio"),
  MONTH_SPIKE("month-spike");

  private final String key;

  Rule(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Rule fromKey(String key) {
    for (Rule rule : values()) {
      if (rule.key.equals(key)) {
        return rule;
      }
    }
    throw new IllegalArgumentException("unknown rule " + key);
  }
}
