package dev.tradewatch.stream;

import dev.tradewatch.domain.SourceState;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.series.SourceHistory.FirstPublication;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary serde of one source's state for the source store and its changelog: the reporter and
 * category, the first publication of each kept period, and the alert if there is one (written as
 * the flow store writes alerts). Format 1.
 */
public final class SourceStateSerde implements Serde<SourceState> {

  private static final byte FORMAT = 1;

  @Override
  public Serializer<SourceState> serializer() {
    return (topic, state) -> state == null ? null : write(state);
  }

  @Override
  public Deserializer<SourceState> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(bytes);
  }

  static byte[] write(SourceState state) {
    ByteFields.Writer out = new ByteFields.Writer(128);
    try {
      out.writeByte(FORMAT);
      out.writeUTF(state.source().reporter());
      out.writeUTF(state.source().category());
      out.writeByte(state.history().periods().size());
      for (FirstPublication p : state.history().periods().values()) {
        BinaryCodec.writePeriod(out, p.period());
        BinaryCodec.writeBasis(out, p.basis());
        out.writeLong(p.valueCents());
        BinaryCodec.writeNullableUtf(out, p.source());
        BinaryCodec.writeInstant(out, p.publishedAt());
      }
      out.writeBoolean(state.alert() != null);
      if (state.alert() != null) {
        FlowYearSerde.writeAlert(out, state.alert());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static SourceState read(byte[] bytes) {
    ByteFields.Reader in = new ByteFields.Reader(bytes);
    try {
      byte format = in.readByte();
      if (format != FORMAT) {
        throw new IllegalStateException("unknown source state format " + format);
      }
      SeriesKey source = SeriesKey.source(in.readUTF(), in.readUTF());
      SourceState state = new SourceState(source);
      for (int i = in.readUnsignedByte(); i > 0; i--) {
        state
            .history()
            .record(
                new FirstPublication(
                    BinaryCodec.readPeriod(in),
                    BinaryCodec.readBasis(in),
                    in.readLong(),
                    BinaryCodec.readNullableUtf(in),
                    BinaryCodec.readInstant(in)));
      }
      if (in.readBoolean()) {
        Alert alert = FlowYearSerde.readAlert(in, source);
        state.alert(alert);
      }
      return state;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
