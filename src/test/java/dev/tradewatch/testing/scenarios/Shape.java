package dev.tradewatch.testing.scenarios;

import java.util.Random;

/**
 * The expected monthly value of a flow: a level, a seasonal swing, a yearly trend; and how much a
 * reported month wanders around it. Bounded on purpose: a month is never more than about 1.9 × any
 * other of the same flow within a year, so nothing but a planted event comes near a rule's factor.
 *
 * @param amplitude seasonal swing, at most 0.2 (±20 %)
 * @param trend growth per year (1 = flat)
 * @param noiseLow a reported month is the expected one times a factor in [noiseLow, noiseHigh]
 */
record Shape(
    double level, double amplitude, int phase, double trend, double noiseLow, double noiseHigh) {

  /** The usual variability: ±20 % seasons at most, noise in [0.9, 1.12]. */
  static Shape usual(Random random, double level, double trend) {
    return new Shape(level, 0.2 * random.nextDouble(), random.nextInt(12), trend, 0.9, 1.12);
  }

  /** A large, steady flow: ±5 % seasons, noise in [0.97, 1.03]. */
  static Shape steady(Random random, double level) {
    return new Shape(level, 0.05 * random.nextDouble(), random.nextInt(12), 1.0, 0.97, 1.03);
  }

  double expected(int index) {
    double season = 1 + amplitude * Math.sin(2 * Math.PI * (index % 12 + phase) / 12);
    return level * Math.pow(trend, index / 12) * season;
  }

  /** One reported side: the expected values times {@code multiplier}, each with its own noise. */
  long[] side(Random random, int months, double multiplier) {
    long[] usd = new long[months];
    for (int i = 0; i < months; i++) {
      double noise = noiseLow + (noiseHigh - noiseLow) * random.nextDouble();
      usd[i] = Math.round(expected(i) * multiplier * noise);
    }
    return usd;
  }
}
