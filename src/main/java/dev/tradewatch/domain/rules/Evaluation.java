package dev.tradewatch.domain.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;

/**
 * One rule applied to one period: what was observed, what it was compared with, and whether it
 * fires. Most evaluations do not fire, so the ratio is only worked out when asked for.
 */
public record Evaluation(
    Rule<?> rule,
    YearMonth period,
    long observedCents,
    long baselineCents,
    Severity severity,
    boolean fires) {

  /** observed / baseline to three decimals, or null when the baseline is zero. */
  public BigDecimal ratio() {
    return baselineCents == 0
        ? null
        : BigDecimal.valueOf(observedCents)
            .divide(BigDecimal.valueOf(baselineCents), 3, RoundingMode.HALF_EVEN);
  }
}
