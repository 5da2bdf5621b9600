package dev.tradewatch.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecordStampsTest {

  private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void shouldGiveLinesWithoutPublishedAtStrictlyIncreasingStampsWithinOneMillisecond() {
    RecordStamps stamps = RecordStamps.followingClock(clock);

    long first = stamps.next(true);
    long second = stamps.next(true);
    long third = stamps.next(true);

    assertThat(first).isEqualTo(NOW.toEpochMilli());
    assertThat(second).isEqualTo(first + 1);
    assertThat(third).isEqualTo(first + 2);
  }

  @Test
  void shouldGiveLinesWithPublishedAtTheLatestStampWithoutAdvancingIt() {
    RecordStamps stamps = RecordStamps.followingClock(clock);

    long own = stamps.next(true);
    long published = stamps.next(false);
    long nextOwn = stamps.next(true);

    assertThat(published).isEqualTo(own);
    assertThat(nextOwn).isEqualTo(own + 1);
  }

  @Test
  void shouldFollowTheClockWhenItRunsAheadOfTheStamps() {
    MutableClock moving = new MutableClock(NOW);
    RecordStamps stamps = RecordStamps.followingClock(moving);
    stamps.next(true);

    moving.advance(Duration.ofSeconds(5));

    assertThat(stamps.next(true)).isEqualTo(NOW.plusSeconds(5).toEpochMilli());
    assertThat(stamps.next(false)).isEqualTo(NOW.plusSeconds(5).toEpochMilli());
  }

  @Test
  void shouldStampABacktestFromItsStartWhateverTheClockSays() {
    Instant start = Instant.parse("2020-10-02T00:00:00Z");
    RecordStamps one = RecordStamps.startingAt(start, clock);
    RecordStamps other = RecordStamps.startingAt(start, new MutableClock(NOW.plusSeconds(99)));

    assertThat(one.next(false)).isEqualTo(start.toEpochMilli());
    assertThat(one.next(true)).isEqualTo(start.toEpochMilli());
    assertThat(one.next(true)).isEqualTo(start.toEpochMilli() + 1);
    assertThat(other.next(false)).isEqualTo(start.toEpochMilli());
    assertThat(other.next(true)).isEqualTo(start.toEpochMilli());
    assertThat(other.next(true)).isEqualTo(start.toEpochMilli() + 1);
  }

  @Test
  void shouldHoldAStampMoreThanFiftyMinutesAheadUntilItIsWithinFifty() {
    RecordStamps stamps = RecordStamps.followingClock(clock);
    long limit = NOW.plus(RecordStamps.MAX_AHEAD).toEpochMilli();

    assertThat(stamps.waitBefore(NOW.toEpochMilli())).isZero();
    assertThat(stamps.waitBefore(limit)).isZero();
    assertThat(stamps.waitBefore(limit + 7)).isEqualTo(Duration.ofMillis(7));
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
