package dev.tradewatch.isolated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.replay.FileScan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BacktestTest {

  private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void shouldStartStampsAtTheLatestPublishedAtOfTheFile() {
    Instant latest = Instant.parse("2020-10-02T00:00:00Z");

    assertThat(Backtest.firstStamp(new FileScan(7, Optional.of(latest)), CLOCK)).isEqualTo(latest);
  }

  @Test
  void shouldStartStampsAtTheEpochWhenNoLineHasAPublishedAt() {
    assertThat(Backtest.firstStamp(new FileScan(7, Optional.empty()), CLOCK))
        .isEqualTo(Instant.EPOCH);
  }

  @Test
  void shouldNeverStartStampsAfterTheCurrentTime() {
    Instant tomorrow = NOW.plusSeconds(86_400);

    assertThat(Backtest.firstStamp(new FileScan(1, Optional.of(tomorrow)), CLOCK)).isEqualTo(NOW);
  }
}
