package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link ByteFields} writes and reads exactly the bytes {@code DataOutputStream}/{@code
 * DataInputStream} do: the stored state was written by those, and is read by this now.
 */
class ByteFieldsProperties {

  @Property(tries = 1000)
  void writesWhatDataOutputStreamWrites(
      @ForAll("texts") String text, @ForAll long number, @ForAll int integer, @ForAll short small)
      throws IOException {
    byte[] expected = withDataOutputStream(text, number, integer, small);
    ByteFields.Writer out = new ByteFields.Writer(1); // grows as it goes
    out.writeUTF(text);
    out.writeLong(number);
    out.writeInt(integer);
    out.writeShort(small);
    out.writeUTF(text);
    assertThat(out.toByteArray()).isEqualTo(expected);
  }

  @Property(tries = 1000)
  void readsWhatDataInputStreamReads(
      @ForAll("texts") String text, @ForAll long number, @ForAll int integer, @ForAll short small)
      throws IOException {
    byte[] written = withDataOutputStream(text, number, integer, small);
    DataInputStream expected = new DataInputStream(new ByteArrayInputStream(written));
    ByteFields.Reader in = new ByteFields.Reader(written);
    assertThat(in.readUTF()).isEqualTo(expected.readUTF()).isEqualTo(text);
    assertThat(in.readLong()).isEqualTo(expected.readLong());
    assertThat(in.readInt()).isEqualTo(expected.readInt());
    assertThat(in.readShort()).isEqualTo(expected.readShort());
    assertThat(in.readUTF()).isEqualTo(text);
    assertThat(in.position()).isEqualTo(written.length);
  }

  private static byte[] withDataOutputStream(String text, long number, int integer, short small)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(text);
      out.writeLong(number);
      out.writeInt(integer);
      out.writeShort(small);
      out.writeUTF(text);
    }
    return bytes.toByteArray();
  }

  @Example
  void aFieldPastTheEndIsAnEndOfFileAsWithDataInputStream() {
    byte[] truncated = Arrays.copyOf(new byte[] {0, 5, 'a', 'b'}, 4); // a 5-byte string, 2 there
    assertThatThrownBy(() -> new ByteFields.Reader(truncated).readUTF())
        .isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> new ByteFields.Reader(new byte[3]).readInt())
        .isInstanceOf(EOFException.class);
  }

  @Example
  void aStringTooLongForItsLengthFieldIsRefusedAsWithDataOutputStream() {
    String tooLong = "é".repeat(40_000); // 80,000 bytes
    assertThatThrownBy(() -> new ByteFields.Writer(16).writeUTF(tooLong))
        .isInstanceOf(UTFDataFormatException.class);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ascii().ofMaxLength(40),
        Arbitraries.strings().all().ofMaxLength(40), // NUL, surrogates, three-byte chars too
        Arbitraries.strings().withChars("aZ-09 ÄЖ٣\u0000\u07ff\u0800\uffff").ofMaxLength(40));
  }
}
