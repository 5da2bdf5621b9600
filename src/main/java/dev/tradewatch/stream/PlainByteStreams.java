package dev.tradewatch.stream;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Byte-array streams without the locking of {@code java.io.ByteArray*Stream}, whose every call is
 * synchronized: the serdes write and read a few dozen fields per record, on one thread.
 */
final class PlainByteStreams {

  private PlainByteStreams() {}

  /** Collects written bytes; {@link #toByteArray} copies them out. */
  static final class Out extends OutputStream {
    private byte[] bytes;
    private int size;

    Out(int initialCapacity) {
      bytes = new byte[initialCapacity];
    }

    @Override
    public void write(int b) {
      ensure(1);
      bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, bytes, size, len);
      size += len;
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }
  }

  /** Reads a byte array from its start, or from an offset. */
  static final class In extends InputStream {
    private final byte[] bytes;
    private int position;

    In(byte[] bytes) {
      this(bytes, 0);
    }

    In(byte[] bytes, int offset) {
      this.bytes = bytes;
      this.position = offset;
    }

    /** The offset of the next byte read. */
    int position() {
      return position;
    }

    @Override
    public int read() {
      return position < bytes.length ? bytes[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      int n = Math.min(len, bytes.length - position);
      if (n <= 0) {
        return -1;
      }
      System.arraycopy(bytes, position, b, off, n);
      position += n;
      return n;
    }
  }
}
