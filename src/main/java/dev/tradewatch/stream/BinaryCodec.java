package dev.tradewatch.stream;

import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.series.Evidence;
import dev.tradewatch.domain.series.Provenance;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Compact binary pieces shared by the internal serdes (repartition topic and state store): these
 * bytes never leave tradewatch, so they trade readability for size and speed. Each serde writes a
 * format version byte first, so that a future layout can be told apart from this one and a new
 * reader can keep reading the old one.
 */
final class BinaryCodec {

  private BinaryCodec() {}

  static void writeSeries(DataOutput out, SeriesKey series) throws IOException {
    out.writeUTF(series.exporter());
    out.writeUTF(series.importer());
    out.writeUTF(series.category());
    out.writeUTF(series.reporter());
  }

  static SeriesKey readSeries(DataInput in) throws IOException {
    return new SeriesKey(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF());
  }

  /** A month as a single int: months since year 0. */
  static void writePeriod(DataOutput out, YearMonth period) throws IOException {
    out.writeInt(period.getYear() * 12 + period.getMonthValue() - 1);
  }

  static YearMonth readPeriod(DataInput in) throws IOException {
    int months = in.readInt();
    return YearMonth.of(Math.floorDiv(months, 12), Math.floorMod(months, 12) + 1);
  }

  static void writeBasis(DataOutput out, Basis basis) throws IOException {
    out.writeByte(basis.ordinal());
  }

  static Basis readBasis(DataInput in) throws IOException {
    return Basis.values()[in.readByte()];
  }

  static void writeInstant(DataOutput out, Instant instant) throws IOException {
    out.writeLong(instant.getEpochSecond());
    out.writeInt(instant.getNano());
  }

  static Instant readInstant(DataInput in) throws IOException {
    return Instant.ofEpochSecond(in.readLong(), in.readInt());
  }

  /**
   * A long in 7-bit groups, low first, the high bit saying another follows: one byte below 128,
   * four below 2^28 (ten at most, for a negative value).
   */
  static void writeVarLong(DataOutput out, long value) throws IOException {
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      out.writeByte((int) (rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    out.writeByte((int) rest);
  }

  static long readVarLong(DataInput in) throws IOException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = in.readByte();
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new IOException("a variable-length number of more than ten bytes");
  }

  /**
   * An instant as seconds from {@code baseSecond} (zig-zag, so that earlier ones stay short too)
   * and nanoseconds: four to six bytes for one within a few years of the base, instead of twelve.
   */
  static void writeInstantFrom(DataOutput out, long baseSecond, Instant instant)
      throws IOException {
    long delta = instant.getEpochSecond() - baseSecond;
    writeVarLong(out, (delta << 1) ^ (delta >> 63));
    writeVarLong(out, instant.getNano());
  }

  static Instant readInstantFrom(DataInput in, long baseSecond) throws IOException {
    long zigZag = readVarLong(in);
    long delta = (zigZag >>> 1) ^ -(zigZag & 1);
    return Instant.ofEpochSecond(baseSecond + delta, readVarLong(in));
  }

  static void writeNullableUtf(DataOutput out, String text) throws IOException {
    out.writeBoolean(text != null);
    if (text != null) {
      out.writeUTF(text);
    }
  }

  static String readNullableUtf(DataInput in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  static void writeNullableInstant(DataOutput out, Instant instant) throws IOException {
    out.writeBoolean(instant != null);
    if (instant != null) {
      writeInstant(out, instant);
    }
  }

  static Instant readNullableInstant(DataInput in) throws IOException {
    return in.readBoolean() ? readInstant(in) : null;
  }

  /** Evidence entries, count first; provenance by ordinal (new constants only appended). */
  static void writeEvidence(DataOutput out, List<Evidence> evidence) throws IOException {
    out.writeByte(evidence.size());
    for (Evidence entry : evidence) {
      writePeriod(out, entry.period());
      writeBasis(out, entry.basis());
      out.writeLong(entry.valueCents());
      out.writeByte(entry.known().ordinal());
      writeNullableUtf(out, entry.source());
      writeInstant(out, entry.publishedAt());
      writeNullableUtf(out, entry.reporter());
    }
  }

  static List<Evidence> readEvidence(DataInput in) throws IOException {
    int count = in.readUnsignedByte();
    List<Evidence> evidence = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      evidence.add(
          new Evidence(
              readPeriod(in),
              readBasis(in),
              in.readLong(),
              Provenance.values()[in.readByte()],
              readNullableUtf(in),
              readInstant(in),
              readNullableUtf(in)));
    }
    return evidence;
  }
}
