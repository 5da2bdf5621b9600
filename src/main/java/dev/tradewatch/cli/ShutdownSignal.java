package dev.tradewatch.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a command block until SIGTERM/Ctrl-C and then clean up on its own thread: the shutdown hook
 * wakes the command and waits (bounded) for it to finish closing, so the JVM does not exit
 * mid-close.
 */
final class ShutdownSignal {

  private final CountDownLatch signalled = new CountDownLatch(1);
  private final CountDownLatch cleanedUp = new CountDownLatch(1);

  ShutdownSignal() {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  signalled.countDown();
                  try {
                    cleanedUp.await(60, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "tradewatch-shutdown"));
  }

  /** Blocks until the process is asked to stop. */
  void await() throws InterruptedException {
    signalled.await();
  }

  /** Wakes {@link #await()} as if a signal had come (used when the work ends by itself). */
  void trigger() {
    signalled.countDown();
  }

  /** Tells the shutdown hook that cleanup is done. */
  void cleanedUp() {
    cleanedUp.countDown();
  }
}
