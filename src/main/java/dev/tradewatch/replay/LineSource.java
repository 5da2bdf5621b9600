package dev.tradewatch.replay;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Streams the lines of a file as raw bytes, so JSON lines can be passed on byte for byte and a file
 * of millions of lines never sits in memory. Reads gzip when the name ends in {@code .gz}, drops a
 * UTF-8 byte order mark and the {@code \r} of CRLF endings, and estimates how much of the file on
 * disk the lines returned so far take up, so a caller can show progress. A line longer than {@link
 * #MAX_LINE_BYTES} is consumed but not kept.
 */
final class LineSource implements Closeable {

  /**
   * Longer than any figure and than Kafka's default record limit; guards against non-line files.
   */
  static final int MAX_LINE_BYTES = 1 << 20;

  private static final int BUFFER_BYTES = 1 << 16;

  private final CountingInputStream counted;
  private final InputStream in;
  private final long sizeBytes;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int position;
  private int limit;
  private byte[] line = new byte[512];
  private int length;
  private boolean tooLong;
  private long lineNumber;

  /** Bytes (decompressed) taken into the buffer so far. */
  private volatile long filled;

  /** Bytes (decompressed) of the lines returned so far, terminators included. */
  private volatile long consumed;

  private LineSource(CountingInputStream counted, InputStream in, long sizeBytes) {
    this.counted = counted;
    this.in = in;
    this.sizeBytes = sizeBytes;
  }

  /** Opens {@code file}, decompressing it when its name ends in {@code .gz}. */
  static LineSource open(Path file) throws IOException {
    long size = Files.size(file);
    CountingInputStream counted = new CountingInputStream(Files.newInputStream(file));
    try {
      InputStream in = isGzip(file) ? new GZIPInputStream(counted, BUFFER_BYTES) : counted;
      return new LineSource(counted, in, size);
    } catch (IOException | RuntimeException e) {
      counted.close();
      throw e;
    }
  }

  static boolean isGzip(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  /** The next line without its terminator, or {@code null} at the end of the file. */
  byte[] nextLine() throws IOException {
    length = 0;
    tooLong = false;
    boolean sawAny = false;
    while (true) {
      if (position == limit && !fill()) {
        if (!sawAny) {
          return null;
        }
        break;
      }
      sawAny = true;
      byte b = buffer[position++];
      if (b == '\n') {
        break;
      }
      append(b);
    }
    lineNumber++;
    consumed = filled - (limit - position);
    int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
    int start = lineNumber == 1 && hasByteOrderMark(end) ? 3 : 0;
    return Arrays.copyOfRange(line, start, Math.max(start, end));
  }

  /**
   * Whether the line last returned exceeded {@link #MAX_LINE_BYTES} (its bytes are then cut off).
   */
  boolean lastLineTooLong() {
    return tooLong;
  }

  /** The 1-based number of the line last returned; the count of lines read. */
  long lineNumber() {
    return lineNumber;
  }

  /** Size of the file on disk (compressed size for gzip). */
  long sizeBytes() {
    return sizeBytes;
  }

  /**
   * Bytes of the file on disk that the lines returned so far take up. The stream below reads ahead
   * by a buffer (64 KiB, the whole of a small file), so the bytes taken from disk are scaled by the
   * share of what was read that has been returned as lines.
   */
  long bytesRead() {
    long read = counted.count;
    long taken = filled;
    long returned = consumed;
    return returned >= taken ? read : (long) Math.ceil(read * ((double) returned / taken));
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    while (n == 0) {
      n = in.read(buffer, 0, buffer.length);
    }
    position = 0;
    limit = Math.max(n, 0);
    filled += limit;
    return n > 0;
  }

  private void append(byte b) {
    if (length == MAX_LINE_BYTES) {
      tooLong = true;
      return;
    }
    if (length == line.length) {
      line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, line.length * 2));
    }
    line[length++] = b;
  }

  private boolean hasByteOrderMark(int end) {
    return end >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF;
  }

  /** Counts bytes taken from the file, below any decompression. */
  private static final class CountingInputStream extends FilterInputStream {
    private volatile long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
