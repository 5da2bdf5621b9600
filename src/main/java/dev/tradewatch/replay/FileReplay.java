package dev.tradewatch.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Reads a figure file and produces every figure into a topic: the shared core of {@code replay} and
 * {@code backtest}.
 */
public final class FileReplay {

  /** What a replay did: the reader's counts, the records produced and how long it took. */
  public record Result(FileFormat format, ReadSummary read, long produced, Duration elapsed) {}

  /**
   * Told, now and then, how far the replay is: records produced and the fraction of the file read.
   */
  public interface ProgressListener {
    void progress(long produced, double fractionRead);
  }

  private FileReplay() {}

  public static Result run(
      Path file,
      FileFormat format,
      boolean strict,
      Consumer<String> malformed,
      Properties client,
      String topic,
      double ratePerSecond,
      ProgressListener progress)
      throws IOException {
    long started = System.nanoTime();
    try (FigureFileReader reader = FigureFileReader.open(file, format, strict, malformed);
        FigureProducer producer = new FigureProducer(client, topic, ratePerSecond)) {
      long size = Math.max(1, reader.sizeBytes());
      for (byte[] value = reader.next(); value != null; value = reader.next()) {
        producer.send(value);
        if (producer.sent() % 1000 == 0) {
          progress.progress(producer.sent(), (double) reader.bytesRead() / size);
        }
      }
      producer.flush();
      progress.progress(producer.sent(), 1.0);
      return new Result(
          reader.format(),
          reader.summary(),
          producer.sent(),
          Duration.ofNanos(System.nanoTime() - started));
    }
  }
}
