package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.series.YearLedger;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Applies every enabled rule to the periods of one calendar year of a series. A rule that cannot be
 * evaluated (no earlier month for a baseline, no ytd a year earlier) yields no evaluation at all.
 */
public final class Detector {

  private final Ledgers ledgers;
  private final RuleSettings settings;

  /**
   * @param ledgerOfYear the reconciled ledger of a calendar year of the series
   */
  public Detector(IntFunction<YearLedger> ledgerOfYear, RuleSettings settings) {
    this.ledgers = new Ledgers(ledgerOfYear);
    this.settings = settings;
  }

  /** Every evaluation for the periods of {@code year}, in period order, then registry order. */
  public List<Evaluation> evaluate(int year) {
    List<Evaluation> evaluations = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      YearMonth period = YearMonth.of(year, m);
      for (Rule<?> rule : Rules.ALL) {
        evaluate(rule, period).ifPresent(evaluations::add);
      }
    }
    return evaluations;
  }

  private <S extends Rule.Settings> Optional<Evaluation> evaluate(Rule<S> rule, YearMonth period) {
    S ruleSettings = settings.of(rule);
    return ruleSettings.enabled() ? rule.evaluate(period, ledgers, ruleSettings) : Optional.empty();
  }
}
