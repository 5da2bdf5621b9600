package dev.tradewatch.stream;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The years a task has found missing from its flow store, per flow, so that reading them again
 * costs no store lookup: a figure of year Y reads Y−2..Y+2, and for most flows the years around the
 * latest do not exist. Only the task's own writes can add a year (the store is its own), so every
 * write forgets that year here; the cache starts empty with every (re)initialised task, and what it
 * forgets (least recently used flows beyond {@code maxFlows}) is just read again. It may say a year
 * is present when it is not, never the other way round.
 */
final class AbsentYears {

  private static final int[] NONE = new int[0];

  private final Map<String, int[]> byFlow;

  AbsentYears(int maxFlows) {
    this.byFlow =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
            return size() > maxFlows;
          }
        };
  }

  boolean isAbsent(String flow, int year) {
    int[] years = byFlow.get(flow);
    return years != null && Arrays.binarySearch(years, year) >= 0;
  }

  /** Remembers that the store holds no {@code year} of {@code flow}. */
  void absent(String flow, int year) {
    int[] years = byFlow.getOrDefault(flow, NONE);
    int at = Arrays.binarySearch(years, year);
    if (at < 0) {
      int insert = -at - 1;
      int[] more = new int[years.length + 1];
      System.arraycopy(years, 0, more, 0, insert);
      more[insert] = year;
      System.arraycopy(years, insert, more, insert + 1, years.length - insert);
      byFlow.put(flow, more);
    }
  }

  /** Forgets that {@code year} of {@code flow} was absent: it is being written. */
  void written(String flow, int year) {
    int[] years = byFlow.get(flow);
    if (years == null) {
      return;
    }
    int at = Arrays.binarySearch(years, year);
    if (at >= 0) {
      int[] fewer = new int[years.length - 1];
      System.arraycopy(years, 0, fewer, 0, at);
      System.arraycopy(years, at + 1, fewer, at, fewer.length - at);
      byFlow.put(flow, fewer);
    }
  }

  void clear() {
    byFlow.clear();
  }
}
