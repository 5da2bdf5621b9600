package dev.tradewatch.http;

/**
 * A request the API cannot answer as asked: its status (400, 404) and a one-line message that says
 * what is valid, sent as {@code {"error": …}}.
 */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  ApiException(int status, String message) {
    super(message, null, false, false); // an answer, not a failure: no stack trace
    this.status = status;
  }

  /** 400 for a parameter {@code name} whose value cannot be what was {@code expected}. */
  static ApiException badParameter(String name, String expected, String found) {
    String shown = found.length() <= 40 ? found : found.substring(0, 40) + "…";
    return new ApiException(400, name + ": expected " + expected + ", found " + shown);
  }

  int status() {
    return status;
  }
}
