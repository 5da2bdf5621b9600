package dev.tradewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

  @Test
  void shouldCountInTheSingularOnlyForOne() {
    assertThat(Words.count(1, "figure")).isEqualTo("1 figure");
    assertThat(Words.count(0, "figure")).isEqualTo("0 figures");
    assertThat(Words.count(2, "malformed line")).isEqualTo("2 malformed lines");
    assertThat(Words.count(1_234_567, "line")).isEqualTo("1,234,567 lines");
    assertThat(Words.count(3, "entry", "entries")).isEqualTo("3 entries");
  }
}
