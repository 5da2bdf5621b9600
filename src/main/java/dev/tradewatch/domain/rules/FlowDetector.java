package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.series.YearLedger;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Applies every flow rule that applies to a flow (enabled, and the flow in its scope) to the months
 * of one calendar year, over the series its exporter and its importer report.
 */
public final class FlowDetector {

  private final SeriesKey flow;
  private final Ledgers exporterSide;
  private final Ledgers importerSide;
  private final RuleSettings settings;
  private final List<FlowRule<?>> applicable = new ArrayList<>();

  /**
   * @param flow the flow as the subject of its alerts (reporter {@link SeriesKey#BOTH})
   * @param exporterSide the ledger of a year of the series the exporter reports
   * @param importerSide the ledger of a year of the series the importer reports
   * @param settings the rules' settings for the flow
   */
  public FlowDetector(
      SeriesKey flow,
      IntFunction<YearLedger> exporterSide,
      IntFunction<YearLedger> importerSide,
      RuleSettings settings) {
    this.flow = flow;
    this.exporterSide = new Ledgers(exporterSide);
    this.importerSide = new Ledgers(importerSide);
    this.settings = settings;
    for (Rule<?> rule : Rules.ALL) {
      if (rule instanceof FlowRule<?> flowRule && settings.of(rule).appliesTo(flow)) {
        applicable.add(flowRule);
      }
    }
  }

  /** Whether any flow rule applies, so that a caller can skip the work. */
  public boolean isEmpty() {
    return applicable.isEmpty();
  }

  /** Every evaluation for the months of {@code year}, in period order, then registry order. */
  public List<Evaluation> evaluate(int year) {
    return evaluate(year, 1);
  }

  /** As {@link #evaluate(int)}, for the months of {@code year} from {@code fromMonth} on. */
  public List<Evaluation> evaluate(int year, int fromMonth) {
    List<Evaluation> evaluations = new ArrayList<>();
    YearLedger exported = exporterSide.year(year);
    for (int m = fromMonth; m <= 12; m++) {
      if (!exported.hasValue(m)) {
        continue; // nothing to compare (FlowRule#evaluate)
      }
      YearMonth period = YearMonth.of(year, m);
      for (FlowRule<?> rule : applicable) {
        evaluate(rule, period).ifPresent(evaluations::add);
      }
    }
    return evaluations;
  }

  private <S extends Rule.Settings> java.util.Optional<Evaluation> evaluate(
      FlowRule<S> rule, YearMonth period) {
    return rule.evaluate(period, flow, exporterSide, importerSide, settings.of(rule));
  }
}
