package dev.tradewatch.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Owns the processes a test starts and makes sure none outlives it: after each test, whether it
 * passed, failed or timed out, every child still running gets SIGTERM, then SIGKILL if it has not
 * ended within the grace period. A JVM shutdown hook does the same for children still running when
 * the test JVM itself is stopped (surefire or failsafe killing a fork that hangs); only a SIGKILL
 * of the test JVM leaves them behind. Register it on the test class:
 *
 * <pre>{@code @RegisterExtension final ChildProcesses children = new ChildProcesses();}</pre>
 */
public final class ChildProcesses implements AfterEachCallback {

  /** Long enough for a {@code run} child to close its Kafka Streams client cleanly. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(40);

  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);
  private static final Set<Process> RUNNING_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> stop(List.copyOf(RUNNING_IN_THIS_JVM), SHUTDOWN_GRACE),
                "child-processes-reaper"));
  }

  private final List<Process> mine = new CopyOnWriteArrayList<>();
  private final Duration grace;

  public ChildProcesses() {
    this(DEFAULT_GRACE);
  }

  /**
   * @param grace how long a child may take to end after SIGTERM before it is SIGKILLed
   */
  public ChildProcesses(Duration grace) {
    this.grace = grace;
  }

  /** Starts {@code builder}'s process, owned by this extension from the start. */
  public Process start(ProcessBuilder builder) throws IOException {
    Process process = builder.start();
    mine.add(process);
    RUNNING_IN_THIS_JVM.add(process);
    return process;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stopAll();
  }

  /** Stops every child this extension started that still runs, and forgets them all. */
  public void stopAll() {
    List<Process> children = List.copyOf(mine);
    mine.removeAll(children);
    stop(children, grace);
  }

  /** SIGTERM to all (and their descendants), then SIGKILL to whatever still runs after grace. */
  private static void stop(List<Process> children, Duration grace) {
    List<ProcessHandle> all = new ArrayList<>();
    for (Process child : children) {
      if (child.isAlive()) {
        child.descendants().forEach(all::add); // before the parent ends and they are orphaned
        all.add(child.toHandle());
      }
    }
    all.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + grace.toNanos();
    for (ProcessHandle handle : all) {
      awaitExit(handle, deadline - System.nanoTime());
    }
    all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle handle : all) {
      awaitExit(handle, Duration.ofSeconds(10).toNanos());
    }
    for (Process child : children) {
      if (!child.isAlive()) {
        RUNNING_IN_THIS_JVM.remove(child);
      }
    }
  }

  private static void awaitExit(ProcessHandle handle, long nanos) {
    try {
      handle.onExit().get(Math.max(nanos, 0), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // still running: the caller escalates or reports
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
