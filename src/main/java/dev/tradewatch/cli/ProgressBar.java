package dev.tradewatch.cli;

import dev.tradewatch.replay.FileReplay;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A one-line progress display (share of the file read, figures, rate, time left) on stderr, redrawn
 * in place on a timer — a slow replay ({@code --rate 50}) shows progress as often as a fast one —
 * only when the process has a console (stdin and stdout on a terminal): piped into a file or a log
 * it stays silent, apart from warnings. Warnings clear the bar's line first, so each stands on a
 * line of its own.
 */
final class ProgressBar implements FileReplay.ProgressListener {

  static final long REDRAW_MILLIS = 200;

  private final PrintWriter err;
  private final boolean enabled;
  private final long periodMillis;
  private ScheduledExecutorService timer;
  private FileReplay.Progress progress;
  private long started;
  private int drawnWidth;

  ProgressBar(PrintWriter err) {
    this(err, System.console() != null, REDRAW_MILLIS);
  }

  ProgressBar(PrintWriter err, boolean enabled, long periodMillis) {
    this.err = err;
    this.enabled = enabled;
    this.periodMillis = periodMillis;
  }

  @Override
  public synchronized void started(FileReplay.Progress progress) {
    this.progress = progress;
    this.started = System.nanoTime();
    if (!enabled) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "tradewatch-progress");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleAtFixedRate(this::redraw, 0, periodMillis, TimeUnit.MILLISECONDS);
  }

  /** Draws the last state and ends the bar's line. */
  @Override
  public synchronized void finished() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
    if (enabled && progress != null) {
      redraw();
      err.println();
      err.flush();
      drawnWidth = 0;
    }
    progress = null;
  }

  /** Prints {@code message} on a line of its own, then the bar again below it. */
  synchronized void warn(String message) {
    clear();
    err.println(message);
    if (timer != null) {
      redraw();
    }
    err.flush();
  }

  private synchronized void redraw() {
    if (progress == null) {
      return;
    }
    String line =
        line(progress.produced(), progress.fractionRead(), (System.nanoTime() - started) / 1e9);
    // pad over a longer line drawn before
    err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
    err.flush();
    drawnWidth = line.length();
  }

  private void clear() {
    if (drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      drawnWidth = 0;
    }
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
        Math.floor(Math.min(1.0, fraction) * 100),
        Words.count(produced, "figure"),
        rate,
        left);
  }
}
