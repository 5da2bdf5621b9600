package dev.tradewatch.config;

/** A configuration or usage error: the command exits with code 2 and this one-line message. */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }

  /** E.g. {@code tradewatch.rules.ytd-ratio.ratio: expected a number > 1, found -3}. */
  public static ConfigException forKey(String key, String expected, String found) {
    return new ConfigException(
        key + ": expected " + expected + ", found " + (found.isEmpty() ? "nothing" : found));
  }
}
