package dev.tradewatch.cli;

import dev.tradewatch.replay.FileReplay;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress display (records, rate, time left) on stderr, redrawn in place at most five
 * times a second, only when the process has a console (stdin and stdout on a terminal): piped into
 * a file or a log it stays silent.
 */
final class ProgressBar implements FileReplay.ProgressListener {

  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private final long started = System.nanoTime();
  private long lastDrawn;

  ProgressBar(PrintWriter err) {
    this(err, System.console() != null);
  }

  ProgressBar(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  @Override
  public void progress(long produced, double fractionRead) {
    long now = System.nanoTime();
    if (!enabled || now - lastDrawn < REDRAW_NANOS && fractionRead < 1.0) {
      return;
    }
    lastDrawn = now;
    err.print(
        "\r"
            + line(produced, fractionRead, (now - started) / 1e9)
            + (fractionRead >= 1.0 ? "\n" : ""));
    err.flush();
  }

  static String line(long produced, double fraction, double seconds) {
    int width = 30;
    int filled = (int) Math.round(Math.min(1.0, fraction) * width);
    double rate = seconds > 0 ? produced / seconds : 0;
    String left =
        fraction > 0.01 && fraction < 1.0
            ? String.format(Locale.ROOT, "%.0f s left", seconds * (1 - fraction) / fraction)
            : "";
    return String.format(
        Locale.ROOT,
        "[%s%s] %3.0f%%  %s  %,.0f/s  %s",
        "#".repeat(filled),
        " ".repeat(width - filled),
        fraction * 100,
        Words.count(produced, "figure"),
        rate,
        left);
  }
}
