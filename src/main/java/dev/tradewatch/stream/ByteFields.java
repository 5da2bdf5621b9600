package dev.tradewatch.stream;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@link DataOutput} and {@link DataInput} straight on a byte array, in the very format of {@code
 * DataOutputStream}/{@code DataInputStream} (big-endian, modified UTF-8 strings), which wrote the
 * stored state before: those add a stream call per byte and a copy per string, and the serdes read
 * and write a few dozen fields per record on one thread. Strings of plain ASCII, nearly all of
 * them, are copied byte for byte.
 */
final class ByteFields {

  private ByteFields() {}

  /** Collects written fields; {@link #toByteArray} copies them out. */
  static final class Writer implements DataOutput {
    private byte[] bytes;
    private int size;

    Writer(int initialCapacity) {
      bytes = new byte[initialCapacity];
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }

    @Override
    public void write(int b) {
      ensure(1);
      bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b) {
      write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, bytes, size, len);
      size += len;
    }

    @Override
    public void writeBoolean(boolean v) {
      write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
      write(v);
    }

    @Override
    public void writeShort(int v) {
      ensure(2);
      bytes[size++] = (byte) (v >>> 8);
      bytes[size++] = (byte) v;
    }

    @Override
    public void writeChar(int v) {
      writeShort(v);
    }

    @Override
    public void writeInt(int v) {
      ensure(4);
      for (int shift = 24; shift >= 0; shift -= 8) {
        bytes[size++] = (byte) (v >>> shift);
      }
    }

    @Override
    public void writeLong(long v) {
      writeInt((int) (v >>> 32));
      writeInt((int) v);
    }

    @Override
    public void writeFloat(float v) {
      writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
      writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
      for (int i = 0; i < s.length(); i++) {
        write(s.charAt(i));
      }
    }

    @Override
    public void writeChars(String s) {
      for (int i = 0; i < s.length(); i++) {
        writeChar(s.charAt(i));
      }
    }

    /** Modified UTF-8 after a two-byte length, as {@code DataOutputStream} writes it. */
    @Override
    public void writeUTF(String s) throws UTFDataFormatException {
      int length = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        length += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
      }
      if (length > 0xFFFF) {
        throw new UTFDataFormatException("a string of " + length + " bytes in modified UTF-8");
      }
      writeShort(length);
      ensure(length);
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c >= 0x0001 && c <= 0x007F) {
          bytes[size++] = (byte) c;
        } else if (c <= 0x07FF) { // NUL too: modified UTF-8 never writes a zero byte
          bytes[size++] = (byte) (0xC0 | c >> 6);
          bytes[size++] = (byte) (0x80 | c & 0x3F);
        } else {
          bytes[size++] = (byte) (0xE0 | c >> 12);
          bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
          bytes[size++] = (byte) (0x80 | c & 0x3F);
        }
      }
    }
  }

  /** Reads fields from a byte array, from its start or from an offset. */
  static final class Reader implements DataInput {
    private final byte[] bytes;
    private int position;

    Reader(byte[] bytes) {
      this(bytes, 0);
    }

    Reader(byte[] bytes, int offset) {
      this.bytes = bytes;
      this.position = offset;
    }

    /** The offset of the next byte read. */
    int position() {
      return position;
    }

    private int take(int count) throws EOFException {
      if (count > bytes.length - position) {
        throw new EOFException("a field runs past the end of the record");
      }
      int at = position;
      position += count;
      return at;
    }

    @Override
    public void readFully(byte[] b) throws IOException {
      readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
      System.arraycopy(bytes, take(len), b, off, len);
    }

    @Override
    public int skipBytes(int n) {
      int skipped = Math.max(0, Math.min(n, bytes.length - position));
      position += skipped;
      return skipped;
    }

    @Override
    public boolean readBoolean() throws IOException {
      return readByte() != 0;
    }

    @Override
    public byte readByte() throws IOException {
      return bytes[take(1)];
    }

    @Override
    public int readUnsignedByte() throws IOException {
      return readByte() & 0xFF;
    }

    @Override
    public short readShort() throws IOException {
      return (short) readUnsignedShort();
    }

    @Override
    public int readUnsignedShort() throws IOException {
      int at = take(2);
      return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
    }

    @Override
    public char readChar() throws IOException {
      return (char) readUnsignedShort();
    }

    @Override
    public int readInt() throws IOException {
      int at = take(4);
      int value = 0;
      for (int i = 0; i < 4; i++) {
        value = value << 8 | bytes[at + i] & 0xFF;
      }
      return value;
    }

    @Override
    public long readLong() throws IOException {
      return (long) readInt() << 32 | readInt() & 0xFFFFFFFFL;
    }

    @Override
    public float readFloat() throws IOException {
      return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
      return Double.longBitsToDouble(readLong());
    }

    /** Not a format tradewatch writes. */
    @Override
    public String readLine() {
      throw new UnsupportedOperationException("readLine");
    }

    /** As {@code DataInputStream.readUTF}, which it leaves anything but plain ASCII to. */
    @Override
    public String readUTF() throws IOException {
      int start = position;
      int length = readUnsignedShort();
      int at = take(length);
      for (int i = at; i < at + length; i++) {
        if (bytes[i] <= 0) { // a multi-byte sequence (or a stray zero byte): the JDK decides
          position = start;
          return DataInputStream.readUTF(this);
        }
      }
      return new String(bytes, at, length, StandardCharsets.ISO_8859_1);
    }
  }
}
