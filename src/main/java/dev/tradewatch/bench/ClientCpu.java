package dev.tradewatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time of one Kafka Streams client's threads in this JVM — its stream threads and their
 * producers' and consumers' threads, all named after the application id — so that a phase's cost
 * per record can be compared without the wall-clock drift of its rate (the embedded broker's
 * threads, shared by every phase, are not counted).
 */
final class ClientCpu {

  private ClientCpu() {}

  /** CPU nanoseconds used so far by the live threads whose name contains {@code applicationId}. */
  static long nanos(String applicationId) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isThreadCpuTimeSupported()) {
      return 0;
    }
    long total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains(applicationId)) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  /** {@link #nanos} as microseconds per record over {@code records}. */
  static double microsPerRecord(String applicationId, int records) {
    return nanos(applicationId) / 1000.0 / records;
  }
}
