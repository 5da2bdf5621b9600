package dev.tradewatch.stream;

import dev.tradewatch.domain.FlowYear;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.FlowKey;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.Rules;
import dev.tradewatch.domain.rules.Severity;
import dev.tradewatch.domain.series.Reported;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary serde of one flow's year for the flow store and its changelog. The flow and the year are
 * written once, each reporter once for its values and once for its alerts; messages are not stored
 * because they are derived. The alerts come last: they are decoded only when first looked at, and
 * written back byte for byte when they were not (the years before a figure's are read for their
 * values alone). A rule is stored by its name, which does not depend on the order rules are
 * declared in. Status, severity, basis and provenance are closed enums stored by ordinal, so their
 * new constants may only be appended. Format 2, whose values are compact (a store written in format
 * 1 is still read; its years are rewritten in format 2 as figures change them); the alerts section
 * is the same in both, so unread alerts are copied over either way. (The series store before this
 * one, gone with it, had formats 1–3 of its own.)
 */
public final class FlowYearSerde implements Serde<FlowYear> {

  private static final byte FORMAT = 2;

  private static final Basis[] BASES = Basis.values();

  @Override
  public Serializer<FlowYear> serializer() {
    return (topic, year) -> year == null ? null : write(year);
  }

  @Override
  public Deserializer<FlowYear> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(bytes);
  }

  static byte[] write(FlowYear year) {
    ByteFields.Writer out = new ByteFields.Writer(256);
    try {
      out.writeByte(FORMAT);
      FlowKey flow = year.flow();
      out.writeUTF(flow.exporter());
      out.writeUTF(flow.importer());
      out.writeUTF(flow.category());
      out.writeShort(year.year());
      writeValues(out, year);
      if (year.unreadAlerts() instanceof StoredAlerts stored) {
        stored.writeTo(out); // not looked at since read, so unchanged: as they were
      } else {
        writeAlerts(out, year);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Each reporter's values: month and basis in one byte, the cents and the publication time (from
   * the start of the year) in variable length, the source as an index into the sources named so far
   * in the record (0 for none; one past the last names a new one, written out once).
   */
  private static void writeValues(DataOutput out, FlowYear year) throws IOException {
    long base = yearStartSecond(year.year());
    List<String> sources = new ArrayList<>(2);
    out.writeShort(year.reporters().size());
    for (String reporter : year.reporters()) {
      out.writeUTF(reporter);
      Reported[][] byBasis = new Reported[BASES.length][];
      int count = 0;
      for (Basis basis : BASES) {
        byBasis[basis.ordinal()] = year.reportedByMonth(reporter, basis);
        for (Reported value : byBasis[basis.ordinal()]) {
          count += value == null ? 0 : 1;
        }
      }
      out.writeShort(count);
      for (int month = 1; month <= 12; month++) { // period order, as FigureId sorts
        for (Basis basis : BASES) {
          Reported value = byBasis[basis.ordinal()][month];
          if (value != null) {
            out.writeByte(month | basis.ordinal() << 4);
            BinaryCodec.writeVarLong(out, value.valueCents());
            BinaryCodec.writeInstantFrom(out, base, value.publishedAt());
            writeSource(out, value.source(), sources);
          }
        }
      }
    }
  }

  private static void writeSource(DataOutput out, String source, List<String> sources)
      throws IOException {
    if (source == null) {
      out.writeByte(0);
      return;
    }
    int known = sources.indexOf(source);
    if (known >= 0) {
      BinaryCodec.writeVarLong(out, known + 1L);
    } else {
      sources.add(source);
      BinaryCodec.writeVarLong(out, sources.size());
      out.writeUTF(source);
    }
  }

  private static void readValues(DataInput in, FlowYear year) throws IOException {
    long base = yearStartSecond(year.year());
    List<String> sources = new ArrayList<>(2);
    for (int r = in.readShort(); r > 0; r--) {
      String reporter = in.readUTF();
      for (int i = in.readShort(); i > 0; i--) {
        int monthAndBasis = in.readUnsignedByte();
        int month = readMonth(monthAndBasis & 0x0F);
        Basis basis = BASES[monthAndBasis >> 4];
        long value = BinaryCodec.readVarLong(in);
        Instant publishedAt = BinaryCodec.readInstantFrom(in, base);
        Reported reported = new Reported(value, publishedAt, readSource(in, sources));
        year.putReported(reporter, month, basis, reported);
      }
    }
  }

  /** A stored month of the year, 1..12: anything else is a corrupt record. */
  private static int readMonth(int month) throws IOException {
    if (month < 1 || month > 12) {
      throw new IOException("no month " + month + " in a flow year");
    }
    return month;
  }

  private static String readSource(DataInput in, List<String> sources) throws IOException {
    int index = (int) BinaryCodec.readVarLong(in);
    if (index == 0) {
      return null;
    }
    if (index > sources.size()) {
      sources.add(in.readUTF());
    }
    return sources.get(index - 1);
  }

  /** Format 1 (until 2026-11-30): fixed-width values, each source written out. */
  private static void readFormat1Values(DataInput in, FlowYear year) throws IOException {
    for (int r = in.readShort(); r > 0; r--) {
      String reporter = in.readUTF();
      for (int i = in.readShort(); i > 0; i--) {
        int month = readMonth(in.readUnsignedByte());
        Basis basis = BinaryCodec.readBasis(in);
        long value = in.readLong();
        Instant publishedAt = BinaryCodec.readInstant(in);
        String source = BinaryCodec.readNullableUtf(in);
        year.putReported(reporter, month, basis, new Reported(value, publishedAt, source));
      }
    }
  }

  private static long yearStartSecond(int year) {
    return LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }

  private static void writeAlerts(DataOutput out, FlowYear year) throws IOException {
    out.writeShort(year.alertSubjects().size());
    for (String subject : year.alertSubjects()) {
      out.writeUTF(subject);
      Collection<Alert> alerts = year.alerts(subject);
      out.writeShort(alerts.size());
      for (Alert alert : alerts) {
        writeAlert(out, alert);
      }
    }
  }

  static FlowYear read(byte[] bytes) {
    ByteFields.Reader in = new ByteFields.Reader(bytes);
    try {
      byte format = in.readByte();
      if (format != FORMAT && format != 1) {
        throw new IllegalStateException("unknown flow year format " + format);
      }
      FlowKey flow = new FlowKey(in.readUTF(), in.readUTF(), in.readUTF());
      int yearNumber = in.readShort();
      FlowYear year = new FlowYear(flow, yearNumber);
      if (format == FORMAT) {
        readValues(in, year);
      } else {
        readFormat1Values(in, year);
      }
      // the alerts, last in the record, are read when first looked at (FlowYear.StoredAlerts)
      StoredAlerts alerts = new StoredAlerts(bytes, in.position());
      if (in.readShort() > 0) {
        year.readAlertsLater(alerts);
      }
      return year;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The alerts section of a stored flow year: from {@code offset} to the end of {@code bytes}. */
  private record StoredAlerts(byte[] bytes, int offset) implements FlowYear.StoredAlerts {

    @Override
    public void readInto(FlowYear year) {
      ByteFields.Reader in = new ByteFields.Reader(bytes, offset);
      try {
        for (int s = in.readShort(); s > 0; s--) {
          SeriesKey series = year.flow().series(in.readUTF());
          for (int i = in.readShort(); i > 0; i--) {
            year.putAlert(readAlert(in, series));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void writeTo(DataOutput out) throws IOException {
      out.write(bytes, offset, bytes.length - offset);
    }
  }

  static void writeAlert(DataOutput out, Alert alert) throws IOException {
    out.writeUTF(alert.rule().name());
    BinaryCodec.writePeriod(out, alert.period());
    out.writeByte(alert.status().ordinal());
    out.writeByte(alert.severity().ordinal());
    out.writeLong(alert.observedCents());
    out.writeLong(alert.baselineCents());
    BinaryCodec.writeNullableUtf(out, alert.ratio() == null ? null : alert.ratio().toPlainString());
    BinaryCodec.writeInstant(out, alert.detectedAt());
    out.writeInt(alert.version());
    BinaryCodec.writeNullableInstant(out, alert.asOf());
    BinaryCodec.writeNullableInstant(out, alert.firstFiredAsOf());
    BinaryCodec.writeEvidence(out, alert.evidence());
    BinaryCodec.writeNullableUtf(out, alert.method());
  }

  static Alert readAlert(DataInput in, SeriesKey series) throws IOException {
    var rule = Rules.named(in.readUTF());
    YearMonth period = BinaryCodec.readPeriod(in);
    AlertStatus status = AlertStatus.values()[in.readByte()];
    Severity severity = Severity.values()[in.readByte()];
    long observed = in.readLong();
    long baseline = in.readLong();
    String ratio = BinaryCodec.readNullableUtf(in);
    Instant detectedAt = BinaryCodec.readInstant(in);
    int version = in.readInt();
    return new Alert(
        series,
        rule,
        period,
        status,
        severity,
        observed,
        baseline,
        ratio == null ? null : new BigDecimal(ratio),
        detectedAt,
        version,
        BinaryCodec.readNullableInstant(in),
        BinaryCodec.readNullableInstant(in),
        BinaryCodec.readEvidence(in),
        BinaryCodec.readNullableUtf(in));
  }
}
