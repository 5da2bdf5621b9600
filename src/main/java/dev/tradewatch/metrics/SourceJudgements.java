package dev.tradewatch.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each stream task last judged every source it holds, and whether sources wait for the end of
 * the input: a replay of history (a backtest, the demo) judges them once, at its as-of instant,
 * when all its input has been read — judged figure by figure against the end of the data, every
 * source would look silent until its own latest figures arrived.
 */
public final class SourceJudgements {

  private final Map<String, Long> lastJudgedAllMs = new ConcurrentHashMap<>();
  private volatile boolean waitForEndOfInput;
  private volatile boolean inputRead;

  /** Sources are judged only once the input has been read ({@link #inputRead}). */
  public void waitForEndOfInput() {
    waitForEndOfInput = true;
  }

  /** All the input has been read: sources may be judged. */
  public void inputRead() {
    inputRead = true;
  }

  /** Whether sources may be judged now. */
  public boolean mayJudge() {
    return !waitForEndOfInput || inputRead;
  }

  /** Whether a replay is waiting for its input's end, and then judges every source each second. */
  public boolean replay() {
    return waitForEndOfInput;
  }

  /** Task {@code task} holds sources here and has not judged them yet. */
  public void opened(String task) {
    lastJudgedAllMs.put(task, 0L);
  }

  /** Task {@code task} has judged all its sources, finishing at {@code wallClockMs}. */
  public void judgedAll(String task, long wallClockMs) {
    lastJudgedAllMs.put(task, wallClockMs);
  }

  /** Task {@code task} is gone (closed, or moved to another instance). */
  public void closed(String task) {
    lastJudgedAllMs.remove(task);
  }

  /**
   * Whether every task holding sources here has judged them since {@code wallClockMs} (true when
   * none does: another instance holds them; a task counts from its start).
   */
  public boolean allJudgedSince(long wallClockMs) {
    return lastJudgedAllMs.values().stream().allMatch(at -> at >= wallClockMs);
  }
}
