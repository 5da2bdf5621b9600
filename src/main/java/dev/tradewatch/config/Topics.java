package dev.tradewatch.config;

import java.util.Objects;

/** The names of tradewatch's external topics; the one place where they are defined. */
public record Topics(String input, String alerts, String deadLetter, String rules) {

  public static final String DEFAULT_INPUT = "trade.figures";
  public static final String DEFAULT_ALERTS = "trade.alerts";
  public static final String DEFAULT_DEAD_LETTER = "trade.figures.dlq";
  public static final String DEFAULT_RULES = "trade.rules";

  public Topics {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(deadLetter, "deadLetter");
    Objects.requireNonNull(rules, "rules");
  }

  public static Topics defaults() {
    return new Topics(DEFAULT_INPUT, DEFAULT_ALERTS, DEFAULT_DEAD_LETTER, DEFAULT_RULES);
  }

  /**
   * The same topics with a prefix, for isolated runs such as backtests (whose rules come from their
   * own settings: their rules topic stays empty).
   */
  public Topics withPrefix(String prefix) {
    return new Topics(prefix + input, prefix + alerts, prefix + deadLetter, prefix + rules);
  }
}
