package dev.tradewatch.stream;

import dev.tradewatch.domain.SeriesState;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.FigureId;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Severity;
import dev.tradewatch.domain.series.Reported;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary serde of one series' state for the state store and its changelog. The series key is
 * written once, not once per alert; messages are not stored because they are derived. Enums are
 * stored by ordinal, so new constants may only be appended.
 */
public final class SeriesStateSerde implements Serde<SeriesState> {

  private static final byte FORMAT = 1;

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
      if (format != FORMAT) {
        throw new IllegalStateException("unknown series state format " + format);
      }
      SeriesState state = new SeriesState(BinaryCodec.readSeries(in));
      for (int i = in.readInt(); i > 0; i--) {
        FigureId id = new FigureId(BinaryCodec.readPeriod(in), BinaryCodec.readBasis(in));
        state.putReported(id, new Reported(in.readLong(), BinaryCodec.readInstant(in)));
      }
      for (int i = in.readInt(); i > 0; i--) {
        state.putAlert(readAlert(in, state.series()));
      }
      return state;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeAlert(DataOutputStream out, Alert alert) throws IOException {
    out.writeByte(alert.rule().ordinal());
    BinaryCodec.writePeriod(out, alert.period());
    out.writeByte(alert.status().ordinal());
    out.writeByte(alert.severity().ordinal());
    out.writeLong(alert.observedCents());
    out.writeLong(alert.baselineCents());
    BinaryCodec.writeNullableUtf(out, alert.ratio() == null ? null : alert.ratio().toPlainString());
    BinaryCodec.writeInstant(out, alert.detectedAt());
    out.writeInt(alert.version());
  }

  private static Alert readAlert(DataInputStream in, SeriesKey series) throws IOException {
    Rule rule = Rule.values()[in.readByte()];
    var period = BinaryCodec.readPeriod(in);
    AlertStatus status = AlertStatus.values()[in.readByte()];
    Severity severity = Severity.values()[in.readByte()];
    long observed = in.readLong();
    long baseline = in.readLong();
    String ratio = BinaryCodec.readNullableUtf(in);
    return new Alert(
        series,
        rule,
        period,
        status,
        severity,
        observed,
        baseline,
        ratio == null ? null : new BigDecimal(ratio),
        BinaryCodec.readInstant(in),
        in.readInt());
  }
}
