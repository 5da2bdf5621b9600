package dev.tradewatch.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineOffsetsTest {

  @Test
  void shouldTraceAPartitionAndOffsetBackToItsLine() {
    LineOffsets offsets = new LineOffsets();
    for (int line = 1; line <= 1_000; line++) {
      offsets.stored(line % 3, line / 3, line + 1); // line + 1: a header line before the figures
    }

    assertThat(offsets.lineAt(1, 0)).hasValue(2);
    assertThat(offsets.lineAt(1, 333)).hasValue(1_001);
    assertThat(offsets.lineAt(0, 1)).hasValue(4);
  }

  @Test
  void shouldKnowNothingOfAnOffsetItWasNotTold() {
    LineOffsets offsets = new LineOffsets();
    offsets.stored(0, 5, 7);

    assertThat(offsets.lineAt(0, 6)).isEmpty();
    assertThat(offsets.lineAt(1, 5)).isEmpty();
  }

  @Test
  void shouldFindLinesStoredOutOfOffsetOrder() {
    LineOffsets offsets = new LineOffsets();
    offsets.stored(0, 2, 30);
    offsets.stored(0, 0, 10);
    offsets.stored(0, 1, 20);

    assertThat(offsets.lineAt(0, 0)).hasValue(10);
    assertThat(offsets.lineAt(0, 1)).hasValue(20);
    assertThat(offsets.lineAt(0, 2)).hasValue(30);
  }
}
