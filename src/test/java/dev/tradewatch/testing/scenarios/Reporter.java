package dev.tradewatch.testing.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A national statistics office: how it publishes ({@link Cadence}), how many days after a period
 * ends it publishes (stable, plus a few days of jitter, the same for all its series of that period:
 * one release), and whether its figures spell out the optional fields.
 *
 * @param salt makes the jitter differ between scenarios
 * @param explicit writes {@code basis} and {@code reporter} even where they are the defaults
 */
record Reporter(
    String code,
    Cadence cadence,
    int delayDays,
    int jitterDays,
    int hourOfDay,
    boolean explicit,
    long salt) {

  /** When this reporter publishes the month {@code index}: its release date for that period. */
  Instant release(Timeline timeline, int index) {
    int jitter =
        new SplittableRandom(salt * 31 + code.hashCode() * 1_000_003L + index)
            .nextInt(jitterDays + 1);
    return timeline
        .endOf(index)
        .plus(Duration.ofDays(delayDays + jitter))
        .plus(Duration.ofHours(hourOfDay));
  }

  String source() {
    return "stat-" + code.toLowerCase(Locale.ROOT);
  }
}
