package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.figures.Usd;
import java.math.BigDecimal;

/** The effective settings of the three rules for one exporter-importer pair. */
public record RuleSettings(
    MonthThreshold monthThreshold, YtdRatio ytdRatio, MonthSpike monthSpike) {

  /** {@code month-threshold}: a month's value at or above {@code thresholdCents}. */
  public record MonthThreshold(boolean enabled, long thresholdCents) {}

  /**
   * {@code ytd-ratio}: ytd at least {@code ratio} × the same ytd a year earlier, and at least the
   * floor.
   */
  public record YtdRatio(boolean enabled, BigDecimal ratio, long floorCents) {}

  /**
   * {@code month-spike}: a month at least {@code factor} × the series' baseline, and at least the
   * floor.
   */
  public record MonthSpike(boolean enabled, BigDecimal factor, long floorCents) {}

  /**
   * The contract's defaults: $50M threshold; ratio 5 over a $10M floor; factor 10 over a $5M floor.
   */
  public static RuleSettings defaults() {
    return new RuleSettings(
        new MonthThreshold(true, Usd.toCents(50_000_000L)),
        new YtdRatio(true, BigDecimal.valueOf(5), Usd.toCents(10_000_000L)),
        new MonthSpike(true, BigDecimal.TEN, Usd.toCents(5_000_000L)));
  }
}
