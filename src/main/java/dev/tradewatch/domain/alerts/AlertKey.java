package dev.tradewatch.domain.alerts;

import dev.tradewatch.domain.rules.Evaluation;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Rules;
import java.time.YearMonth;
import java.util.Comparator;

/** Identifies an alert within its series: one rule for one period; ordered by period, then rule. */
public record AlertKey(Rule<?> rule, YearMonth period) implements Comparable<AlertKey> {

  private static final Comparator<AlertKey> ORDER =
      Comparator.comparing(AlertKey::period).thenComparing(AlertKey::rule, Rules.ORDER);

  /** The key of the alert an evaluation stands for. */
  public static AlertKey of(Evaluation evaluation) {
    return new AlertKey(evaluation.rule(), evaluation.period());
  }

  @Override
  public int compareTo(AlertKey other) {
    return ORDER.compare(this, other);
  }
}
