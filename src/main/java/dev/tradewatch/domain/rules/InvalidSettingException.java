package dev.tradewatch.domain.rules;

/**
 * A rule setting with a value the rule cannot use, e.g. {@code tradewatch.rules.ytd-ratio.ratio:
 * expected a number > 1, found -3}.
 */
public final class InvalidSettingException extends IllegalArgumentException {

  public InvalidSettingException(String key, String expected, String found) {
    super(key + ": expected " + expected + ", found " + (found.isEmpty() ? "nothing" : found));
  }
}
