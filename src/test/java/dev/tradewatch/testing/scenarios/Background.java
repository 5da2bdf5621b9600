package dev.tradewatch.testing.scenarios;

/**
 * The ordinary flows every scenario is mostly made of: monthly levels spread like real trade
 * (log-normal around $1.5M, from $10K to $40M), seasons, a mild trend and noise; reported by the
 * exporter (nine in ten) and mirrored by the importer (a share), both with their own cadence, delay
 * and noise. None comes near a default threshold: months stay under $50M (the largest flows are the
 * steadiest), and a flow's months stay within about 2× of each other, its two sides within 1.4×.
 */
final class Background {

  private static final double MEDIAN_LEVEL = 1_500_000;
  private static final double LOWEST_LEVEL = 10_000;
  private static final double HIGHEST_LEVEL = 40_000_000;

  /** Above this, a flow is steady and flat, so its months stay under $50M. */
  private static final double STEADY_ABOVE = 25_000_000;

  /** Above this, a flow does not grow, so three years of growth stay under the steady level. */
  private static final double FLAT_ABOVE = 12_000_000;

  private Background() {}

  static void add(Draft draft, int count) {
    int added = 0;
    while (added < count) {
      Flow flow = draft.newFlow(c -> true, c -> true);
      double level =
          Math.min(
              HIGHEST_LEVEL,
              Math.max(LOWEST_LEVEL, MEDIAN_LEVEL * Math.exp(1.7 * draft.random.nextGaussian())));
      Shape shape =
          level > STEADY_ABOVE
              ? Shape.steady(draft.random, level)
              : Shape.usual(
                  draft.random,
                  level,
                  level > FLAT_ABOVE ? draft.between(0.92, 1.0) : draft.between(0.92, 1.12));
      boolean exporterReports = draft.random.nextDouble() < 0.9;
      if (exporterReports) {
        draft.exporterSide(flow, shape);
      }
      if (!exporterReports || draft.random.nextDouble() < draft.options.mirrorShare()) {
        draft.mirrorSide(flow, shape);
      }
      added++;
    }
  }
}
