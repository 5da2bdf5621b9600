package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.figures.Usd;
import dev.tradewatch.domain.series.Evidence;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The numbers an alert shows, which a rule puts into words: the observed value, what it was
 * compared with, their ratio (null when that baseline is zero), and the evidence they were worked
 * out from, in the rule's order (empty for an alert stored before evidence was kept).
 */
public record Finding(
    YearMonth period,
    long observedCents,
    long baselineCents,
    BigDecimal ratio,
    List<Evidence> evidence,
    SeriesKey series) {

  public Finding {
    evidence = List.copyOf(evidence);
  }

  /** A finding of a series not named. */
  public Finding(
      YearMonth period,
      long observedCents,
      long baselineCents,
      BigDecimal ratio,
      List<Evidence> evidence) {
    this(period, observedCents, baselineCents, ratio, evidence, null);
  }

  /** A finding whose evidence and series are not known. */
  public Finding(YearMonth period, long observedCents, long baselineCents, BigDecimal ratio) {
    this(period, observedCents, baselineCents, ratio, List.of(), null);
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
