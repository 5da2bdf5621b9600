package dev.tradewatch.lifecycle;

/**
 * The environment is not as tradewatch needs it (cluster unreachable, topic missing): exit code 1,
 * one line.
 */
public final class StartupException extends RuntimeException {

  public StartupException(String message) {
    super(message);
  }

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
