package dev.tradewatch.stream;

import dev.tradewatch.domain.SeriesState;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.FigureId;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.MonthSpike;
import dev.tradewatch.domain.rules.MonthThreshold;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Rules;
import dev.tradewatch.domain.rules.Severity;
import dev.tradewatch.domain.rules.YtdRatio;
import dev.tradewatch.domain.series.Reported;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary serde of one series' state for the state store and its changelog. The series key is
 * written once, not once per alert; messages are not stored because they are derived. A rule is
 * stored by its name (format 2), which does not depend on the order rules are declared in; format
 * 1, which stored the rule's position, is still read. Format 3 adds the source of each reported
 * value and each alert's asOf, firstFiredAsOf, evidence and method; formats 1 and 2 are read with
 * no source and alerts without evidence. Status, severity, basis and provenance are closed enums
 * stored by ordinal, so their new constants may only be appended.
 */
public final class SeriesStateSerde implements Serde<SeriesState> {

  private static final byte FORMAT = 3;

  /** Format 1 stored a rule as its index in this list (the order of the rule enum of that time). */
  private static final List<Rule<?>> FORMAT_1_RULES =
      List.of(MonthThreshold.RULE, YtdRatio.RULE, MonthSpike.RULE);

  @Override
  public Serializer<SeriesState> serializer() {
    return (topic, state) -> state == null ? null : write(state);
  }

  @Override
  public Deserializer<SeriesState> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(bytes);
  }

  static byte[] write(SeriesState state) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeByte(FORMAT);
      BinaryCodec.writeSeries(out, state.series());
      out.writeInt(state.reported().size());
      for (Map.Entry<FigureId, Reported> entry : state.reported().entrySet()) {
        BinaryCodec.writePeriod(out, entry.getKey().period());
        BinaryCodec.writeBasis(out, entry.getKey().basis());
        out.writeLong(entry.getValue().valueCents());
        BinaryCodec.writeInstant(out, entry.getValue().publishedAt());
        BinaryCodec.writeNullableUtf(out, entry.getValue().source());
      }
      out.writeInt(state.alerts().size());
      for (Alert alert : state.alerts()) {
        writeAlert(out, alert);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  static SeriesState read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte format = in.readByte();
      if (format < 1 || format > FORMAT) {
        throw new IllegalStateException("unknown series state format " + format);
      }
      SeriesState state = new SeriesState(BinaryCodec.readSeries(in));
      for (int i = in.readInt(); i > 0; i--) {
        FigureId id = new FigureId(BinaryCodec.readPeriod(in), BinaryCodec.readBasis(in));
        long value = in.readLong();
        Instant publishedAt = BinaryCodec.readInstant(in);
        String source = format >= 3 ? BinaryCodec.readNullableUtf(in) : null;
        state.putReported(id, new Reported(value, publishedAt, source));
      }
      for (int i = in.readInt(); i > 0; i--) {
        state.putAlert(readAlert(in, state.series(), format));
      }
      return state;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeAlert(DataOutputStream out, Alert alert) throws IOException {
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

  private static Alert readAlert(DataInputStream in, SeriesKey series, byte format)
      throws IOException {
    Rule<?> rule = format == 1 ? FORMAT_1_RULES.get(in.readByte()) : Rules.named(in.readUTF());
    var period = BinaryCodec.readPeriod(in);
    AlertStatus status = AlertStatus.values()[in.readByte()];
    Severity severity = Severity.values()[in.readByte()];
    long observed = in.readLong();
    long baseline = in.readLong();
    String ratio = BinaryCodec.readNullableUtf(in);
    Instant detectedAt = BinaryCodec.readInstant(in);
    int version = in.readInt();
    boolean withEvidence = format >= 3;
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
        withEvidence ? BinaryCodec.readNullableInstant(in) : null,
        withEvidence ? BinaryCodec.readNullableInstant(in) : null,
        withEvidence ? BinaryCodec.readEvidence(in) : List.of(),
        withEvidence ? BinaryCodec.readNullableUtf(in) : null);
  }
}
