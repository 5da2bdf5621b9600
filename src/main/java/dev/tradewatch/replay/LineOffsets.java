package dev.tradewatch.replay;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Which line of the file went to which partition and offset, so that a record coming back (a dead
 * letter names its source partition and offset) can be traced to its line. Two longs per record, in
 * arrays per partition; thread-safe (filled from the producer's I/O thread).
 */
public final class LineOffsets {

  private final Map<Integer, Partition> partitions = new HashMap<>();

  /** Records that the figure of {@code line} is at {@code offset} of {@code partition}. */
  public synchronized void stored(int partition, long offset, long line) {
    partitions.computeIfAbsent(partition, p -> new Partition()).add(offset, line);
  }

  /** The line whose figure is at {@code offset} of {@code partition}, if it was recorded. */
  public synchronized OptionalLong lineAt(int partition, long offset) {
    Partition stored = partitions.get(partition);
    return stored == null ? OptionalLong.empty() : stored.lineAt(offset);
  }

  /** Offsets and lines of one partition, sorted by offset when looked up. */
  private static final class Partition {
    private long[] offsets = new long[64];
    private long[] lines = new long[64];
    private int size;
    private boolean sorted = true;

    void add(long offset, long line) {
      if (size == offsets.length) {
        offsets = Arrays.copyOf(offsets, size * 2);
        lines = Arrays.copyOf(lines, size * 2);
      }
      sorted &= size == 0 || offsets[size - 1] < offset;
      offsets[size] = offset;
      lines[size] = line;
      size++;
    }

    OptionalLong lineAt(long offset) {
      sortByOffset();
      int index = Arrays.binarySearch(offsets, 0, size, offset);
      return index < 0 ? OptionalLong.empty() : OptionalLong.of(lines[index]);
    }

    /** Acknowledgements of one partition come in offset order; sorting is only a safety net. */
    private void sortByOffset() {
      if (sorted) {
        return;
      }
      Integer[] order = new Integer[size];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, (a, b) -> Long.compare(offsets[a], offsets[b]));
      long[] byOffset = new long[offsets.length];
      long[] linesByOffset = new long[lines.length];
      for (int i = 0; i < size; i++) {
        byOffset[i] = offsets[order[i]];
        linesByOffset[i] = lines[order[i]];
      }
      offsets = byOffset;
      lines = linesByOffset;
      sorted = true;
    }
  }
}
