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
  private final Plan plan;

  /**
   * The series rules that apply to a series, with their settings for it, looked up once: the same
   * plan serves every series of a flow's settings when no rule is scoped ({@link
   * #dependsOnSeries}).
   */
  public static final class Plan {
    private final List<Applicable<?>> applicable = new ArrayList<>();
    private final boolean dependsOnSeries;

    private Plan(RuleSettings settings, SeriesKey series) {
      boolean scoped = false;
      for (Rule<?> rule : Rules.ALL) {
        if (rule instanceof SeriesRule<?> seriesRule) {
          Rule.Settings ruleSettings = settings.of(rule);
          scoped |= !ruleSettings.scope().equals(Scope.EVERYTHING);
          if (ruleSettings.appliesTo(series)) {
            applicable.add(applicable(seriesRule, settings));
          }
        }
      }
      this.dependsOnSeries = scoped;
    }

    /** The rules of {@code settings} that apply to {@code series}. */
    public static Plan of(RuleSettings settings, SeriesKey series) {
      return new Plan(settings, series);
    }

    /** Whether another series under the same settings may have other rules applying. */
    public boolean dependsOnSeries() {
      return dependsOnSeries;
    }
  }

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
    this(ledgerOfYear, Plan.of(settings, series));
  }

  /**
   * @param ledgerOfYear the reconciled ledger of a calendar year of the series
   * @param plan the rules that apply to the series ({@link Plan#of})
   */
  public Detector(IntFunction<YearLedger> ledgerOfYear, Plan plan) {
    this.ledgers = new Ledgers(ledgerOfYear);
    this.plan = plan;
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
    YearLedger ledger = ledgers.year(year);
    for (int m = fromMonth; m <= 12; m++) {
      if (!ledger.hasValue(m)) {
        continue; // no rule evaluates a period without a value (SeriesRule#evaluate)
      }
      YearMonth period = YearMonth.of(year, m);
      for (Applicable<?> rule : plan.applicable) {
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
