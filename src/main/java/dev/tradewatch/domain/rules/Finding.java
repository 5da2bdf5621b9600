package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.figures.Usd;
import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The numbers an alert shows, which a rule puts into words: the observed value, what it was
 * compared with, and their ratio (null when that baseline is zero).
 */
public record Finding(
    YearMonth period, long observedCents, long baselineCents, BigDecimal ratio, SeriesKey series) {

  /** Numbers without the series they belong to, for rules whose words do not name it. */
  public Finding(YearMonth period, long observedCents, long baselineCents, BigDecimal ratio) {
    this(period, observedCents, baselineCents, ratio, null);
  }

  String observed() {
    return Usd.humanise(observedCents);
  }

  String baseline() {
    return Usd.humanise(baselineCents);
  }

  /** The ratio as {@code 5.942×}, or {@code withoutRatio} when the baseline is zero. */
  String times(String withoutRatio) {
    return ratio == null ? withoutRatio : ratio.stripTrailingZeros().toPlainString() + "×";
  }
}
