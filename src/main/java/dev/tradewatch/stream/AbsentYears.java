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

  private final Map<String, Flow> byFlow;

  AbsentYears(int maxFlows) {
    this.byFlow =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Flow> eldest) {
            return size() > maxFlows;
          }
        };
  }

  /** The missing years of {@code flow}: looked up once for all the years one figure reads. */
  Flow of(String flow) {
    return byFlow.computeIfAbsent(flow, f -> new Flow());
  }

  void clear() {
    byFlow.clear();
  }

  /** One flow's missing years, sorted. */
  static final class Flow {
    private int[] years = new int[0];

    boolean isAbsent(int year) {
      return Arrays.binarySearch(years, year) >= 0;
    }

    /** Remembers that the store holds no {@code year} of this flow. */
    void absent(int year) {
      int at = Arrays.binarySearch(years, year);
      if (at < 0) {
        int insert = -at - 1;
        int[] more = new int[years.length + 1];
        System.arraycopy(years, 0, more, 0, insert);
        more[insert] = year;
        System.arraycopy(years, insert, more, insert + 1, years.length - insert);
        years = more;
      }
    }

    /** Forgets that {@code year} was absent: it is being written. */
    void written(int year) {
      int at = Arrays.binarySearch(years, year);
      if (at >= 0) {
        int[] fewer = new int[years.length - 1];
        System.arraycopy(years, 0, fewer, 0, at);
        System.arraycopy(years, at + 1, fewer, at, fewer.length - at);
        years = fewer;
      }
    }
  }
}
