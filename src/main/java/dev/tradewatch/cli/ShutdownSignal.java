package dev.tradewatch.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets a command block until SIGTERM/Ctrl-C and then clean up on its own thread: the shutdown hook
 * wakes the command and waits (bounded) for it to finish closing, so the JVM does not exit
 * mid-close. A requested stop that cleaned up ends the process with exit code 0, not the JVM's
 * 128+signal (143, 130), which supervisors would record as a failure.
 */
final class ShutdownSignal {

  private static final long CLEANUP_SECONDS = 60;

  private final CountDownLatch signalled = new CountDownLatch(1);
  private final CountDownLatch cleanedUp = new CountDownLatch(1);
  private final AtomicBoolean finished = new AtomicBoolean();

  ShutdownSignal() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::onShutdown, "tradewatch-shutdown"));
  }

  private void onShutdown() {
    // still running: the JVM is stopping because of a signal, not because Main called exit
    boolean requestedStop = !finished.get();
    signalled.countDown();
    try {
      boolean clean = cleanedUp.await(CLEANUP_SECONDS, TimeUnit.SECONDS);
      if (requestedStop && clean) {
        Runtime.getRuntime().halt(ErrorHandler.OK);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Blocks until the process is asked to stop. */
  void await() throws InterruptedException {
    signalled.await();
  }

  /** Whether the process has been asked to stop (for work that checks between steps). */
  boolean requested() {
    return signalled.getCount() == 0;
  }

  /** Wakes {@link #await()} as if a signal had come (used when the work ends by itself). */
  void trigger() {
    signalled.countDown();
  }

  /** Tells the shutdown hook that cleanup is done. */
  void cleanedUp() {
    finished.set(true);
    cleanedUp.countDown();
  }
}
