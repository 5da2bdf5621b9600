package dev.tradewatch.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Record timestamps for the figures of one file, in file order. A figure without {@code
 * publishedAt} takes its record timestamp as its publication time (docs/contract.md, "Input
 * figure"), so each such figure gets a stamp strictly later than every stamp before it: of two
 * revisions, the later line wins. A figure with a {@code publishedAt} gets the latest stamp again
 * (its timestamp orders nothing).
 *
 * <p>{@code replay} starts at the current time and keeps up with the clock; {@code backtest} starts
 * at a fixed instant, so two backtests of one file stamp alike. Either way a stamp may run ahead of
 * the clock (one millisecond per figure, faster than a millisecond apart), and Kafka 4 brokers
 * refuse stamps more than an hour ahead ({@code log.message.timestamp.after.max.ms}): {@link
 * #waitBefore} says how long to hold a record so that it is at most {@link #MAX_AHEAD} ahead.
 */
public final class RecordStamps {

  /** How far ahead of the clock a stamp may be: under the brokers' one hour, with a margin. */
  public static final Duration MAX_AHEAD = Duration.ofMinutes(50);

  private final Clock clock;
  private final boolean followClock;
  private final long start;
  private long last;

  private RecordStamps(Clock clock, boolean followClock, long start) {
    this.clock = clock;
    this.followClock = followClock;
    this.start = start;
    this.last = start - 1;
  }

  /** Stamps from the clock's current time on, never behind the clock ({@code replay}). */
  public static RecordStamps followingClock(Clock clock) {
    return new RecordStamps(clock, true, clock.millis());
  }

  /**
   * Stamps from {@code start} on, one millisecond apart, whatever the clock says ({@code
   * backtest}).
   */
  public static RecordStamps startingAt(Instant start, Clock clock) {
    return new RecordStamps(clock, false, start.toEpochMilli());
  }

  /**
   * The stamp of the next figure in file order.
   *
   * @param ownStamp the figure has no {@code publishedAt}: its stamp must be later than all before
   */
  public long next(boolean ownStamp) {
    long floor = followClock ? clock.millis() : start;
    if (!ownStamp) {
      return Math.max(floor, last); // orders nothing, so it takes no stamp of its own
    }
    last = Math.max(floor, last + 1);
    return last;
  }

  /** How long to wait before sending a record stamped {@code stamp}; zero when it may go now. */
  public Duration waitBefore(long stamp) {
    long ahead = stamp - clock.millis() - MAX_AHEAD.toMillis();
    return ahead > 0 ? Duration.ofMillis(ahead) : Duration.ZERO;
  }
}
