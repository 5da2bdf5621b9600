package dev.tradewatch.stream;

import dev.tradewatch.domain.figures.Figure;
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
    ByteFields.Writer out = new ByteFields.Writer(96);
    try {
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
    return out.toByteArray();
  }

  static Figure read(byte[] bytes) {
    ByteFields.Reader in = new ByteFields.Reader(bytes);
    try {
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
