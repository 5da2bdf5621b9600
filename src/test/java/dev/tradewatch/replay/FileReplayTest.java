package dev.tradewatch.replay;

import static dev.tradewatch.replay.ReaderTestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReplayTest {

  private static final String LINE = "{\"exporter\":\"DEU\",\"importer\":\"FRA\"}";

  @TempDir Path dir;

  private final MockProducer<byte[], byte[]> mock =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final List<String> events = new ArrayList<>();

  private final FileReplay.ProgressListener listener =
      new FileReplay.ProgressListener() {
        @Override
        public void started(FileReplay.Progress progress) {
          events.add("started");
        }

        @Override
        public void finished() {
          events.add("finished");
        }
      };

  private FigureProducer producer() {
    return new FigureProducer(
        mock, "figures", 0, RecordStamps.followingClock(Clock.systemUTC()), duration -> {});
  }

  @Test
  void shouldStopProducingWhenAskedAndSaySo() throws IOException {
    Path file = write(dir, "f.jsonl", (LINE + "\n").repeat(10));
    FileReplay.Input input = new FileReplay.Input(file, null, false, null);

    FileReplay.Result result;
    try (FigureProducer producer = producer()) {
      result = FileReplay.run(input, producer, listener, () -> mock.history().size() >= 3, null);
    }

    assertThat(result.stopped()).isTrue();
    assertThat(result.produced()).isEqualTo(3);
    assertThat(mock.history()).hasSize(3);
    assertThat(events).containsExactly("started", "finished");
  }

  @Test
  void shouldRecordTheLineOfEveryStoredRecord() throws IOException {
    Path file = write(dir, "f.jsonl", LINE + "\n\nnot json\n" + LINE + "\n");
    FileReplay.Input input = new FileReplay.Input(file, null, false, null);
    LineOffsets lines = new LineOffsets();

    FileReplay.Result result;
    try (FigureProducer producer = producer()) {
      result = FileReplay.run(input, producer, listener, () -> false, lines);
    }

    assertThat(result.stopped()).isFalse();
    assertThat(result.read().malformed()).isEqualTo(1);
    assertThat(lines.lineAt(0, 0)).hasValue(1);
    assertThat(lines.lineAt(0, 1)).hasValue(4);
  }
}
