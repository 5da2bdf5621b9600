package dev.tradewatch.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads a figure file and produces every figure into a topic, in file order: the shared core of
 * {@code replay} and {@code backtest}. In strict mode a malformed line stops the run where it is;
 * to produce nothing at all from such a file, {@link FileScan scan} it first, as both commands do.
 */
public final class FileReplay {

  /**
   * The file and how to read it.
   *
   * @param format null to detect it from the file
   * @param malformedLines told {@code "line N: reason"} for each malformed line (when not strict)
   */
  public record Input(
      Path file, FileFormat format, boolean strict, Consumer<String> malformedLines) {}

  /**
   * What a replay did: the reader's counts, the records produced, how long it took, and whether it
   * was asked to stop before the end of the file.
   */
  public record Result(
      FileFormat format, ReadSummary read, long produced, Duration elapsed, boolean stopped) {}

  /** How far a replay is; safe to poll from another thread. */
  public interface Progress {
    long produced();

    /** The share of the file read so far, 0 to 1. */
    double fractionRead();
  }

  /** Told when producing starts (with something to poll) and when it has ended. */
  public interface ProgressListener {
    void started(Progress progress);

    void finished();
  }

  /** For runs that show no progress. */
  public static final ProgressListener NO_PROGRESS =
      new ProgressListener() {
        @Override
        public void started(Progress progress) {}

        @Override
        public void finished() {}
      };

  private FileReplay() {}

  /**
   * Produces the file's figures until its end or until {@code stopRequested} holds, then waits
   * until every record sent is acknowledged.
   *
   * @param storedLines learns the partition and offset of each line's record; may be null
   */
  public static Result run(
      Input input,
      FigureProducer producer,
      ProgressListener progress,
      BooleanSupplier stopRequested,
      LineOffsets storedLines)
      throws IOException {
    long started = System.nanoTime();
    try (FigureFileReader reader =
        FigureFileReader.open(
            input.file(), input.format(), input.strict(), input.malformedLines())) {
      Running running = new Running(reader);
      progress.started(running);
      boolean stopped = false;
      try {
        for (byte[] value = reader.next(); value != null; value = reader.next()) {
          long line = reader.lastLineNumber();
          producer.send(
              value,
              stored -> {
                if (storedLines != null && stored.hasOffset()) {
                  storedLines.stored(stored.partition(), stored.offset(), line);
                }
              });
          running.produced = producer.sent();
          if (stopRequested.getAsBoolean()) {
            stopped = true;
            break;
          }
        }
        producer.flush();
      } finally {
        progress.finished();
      }
      return new Result(
          reader.format(),
          reader.summary(),
          producer.sent(),
          Duration.ofNanos(System.nanoTime() - started),
          stopped);
    }
  }

  /** The progress of a running replay, read by a display on another thread. */
  private static final class Running implements Progress {
    private final FigureFileReader reader;
    private final long size;
    private volatile long produced;

    Running(FigureFileReader reader) {
      this.reader = reader;
      this.size = Math.max(1, reader.sizeBytes());
    }

    @Override
    public long produced() {
      return produced;
    }

    @Override
    public double fractionRead() {
      return Math.min(1.0, (double) reader.bytesRead() / size);
    }
  }
}
