package dev.tradewatch.stream;

import dev.tradewatch.domain.figures.Figure;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Binary serde of a validated figure, for the internal repartition topic. */
public final class FigureSerde implements Serde<Figure> {

  private static final byte FORMAT = 1;

  @Override
  public Serializer<Figure> serializer() {
    return (topic, figure) -> figure == null ? null : write(figure);
  }

  @Override
  public Deserializer<Figure> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(bytes);
  }

  static byte[] write(Figure figure) {
    PlainByteStreams.Out buffer = new PlainByteStreams.Out(96);
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeByte(FORMAT);
      BinaryCodec.writeSeries(out, figure.series());
      BinaryCodec.writePeriod(out, figure.period());
      BinaryCodec.writeBasis(out, figure.basis());
      out.writeLong(figure.valueCents());
      BinaryCodec.writeNullableUtf(out, figure.source());
      BinaryCodec.writeInstant(out, figure.publishedAt());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  static Figure read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new PlainByteStreams.In(bytes))) {
      byte format = in.readByte();
      if (format != FORMAT) {
        throw new IllegalStateException("unknown figure format " + format);
      }
      return new Figure(
          BinaryCodec.readSeries(in),
          BinaryCodec.readPeriod(in),
          BinaryCodec.readBasis(in),
          in.readLong(),
          BinaryCodec.readNullableUtf(in),
          BinaryCodec.readInstant(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
