package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.series.YearLedger;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Applies every series rule that applies to a series (enabled, and the series in its scope) to the
 * periods of one calendar year of it. A rule that cannot be evaluated (no earlier month for a
 * baseline, no ytd a year earlier) yields no evaluation at all.
 */
public final class Detector {

  private final Ledgers ledgers;
  private final List<Applicable<?>> applicable = new ArrayList<>();

  /** A rule that applies, with its settings for the series (looked up once, used every month). */
  private record Applicable<S extends Rule.Settings>(SeriesRule<S> rule, S settings) {

    Optional<Evaluation> evaluate(YearMonth period, Ledgers ledgers) {
      return rule.evaluate(period, ledgers, settings);
    }
  }

  /**
   * @param ledgerOfYear the reconciled ledger of a calendar year of the series
   * @param settings the rules' settings for the series' flow
   */
  public Detector(IntFunction<YearLedger> ledgerOfYear, RuleSettings settings, SeriesKey series) {
    this.ledgers = new Ledgers(ledgerOfYear);
    for (Rule<?> rule : Rules.ALL) {
      if (rule instanceof SeriesRule<?> seriesRule && settings.of(rule).appliesTo(series)) {
        applicable.add(applicable(seriesRule, settings));
      }
    }
  }

  private static <S extends Rule.Settings> Applicable<S> applicable(
      SeriesRule<S> rule, RuleSettings settings) {
    return new Applicable<>(rule, settings.of(rule));
  }

  /** Every evaluation for the periods of {@code year}, in period order, then registry order. */
  public List<Evaluation> evaluate(int year) {
    return evaluate(year, 0);
  }

  /**
   * The evaluations for the periods of {@code year} of the rules that look at least {@code
   * yearsBack} years back ({@link Rule#yearsBack}), in period order, then registry order: those a
   * change in year {@code year - yearsBack} can reach.
   */
  public List<Evaluation> evaluate(int year, int yearsBack) {
    return evaluate(year, yearsBack, 1);
  }

  /** As {@link #evaluate(int, int)}, for the months of {@code year} from {@code fromMonth} on. */
  public List<Evaluation> evaluate(int year, int yearsBack, int fromMonth) {
    List<Evaluation> evaluations = new ArrayList<>();
    for (int m = fromMonth; m <= 12; m++) {
      YearMonth period = YearMonth.of(year, m);
      for (Applicable<?> rule : applicable) {
        if (rule.rule().yearsBack() >= yearsBack) {
          rule.evaluate(period, ledgers).ifPresent(evaluations::add);
        }
      }
    }
    return evaluations;
  }

  /** The ledger of {@code year} the rules see (built once). */
  public YearLedger ledger(int year) {
    return ledgers.year(year);
  }
}
