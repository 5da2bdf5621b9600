package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.series.YearLedger;
import java.time.YearMonth;
import java.util.Optional;

/**
 * A rule of one series (one reporter's figures of a flow): its alerts belong to that series.
 *
 * @param <S> the rule's own settings
 */
public sealed interface SeriesRule<S extends Rule.Settings> extends Rule<S>
    permits MonthThreshold, YtdRatio, MonthSpike, DormantPartner {

  /**
   * This rule applied to one period of a series; empty when it cannot be (the value, a baseline or
   * last year's ytd is not known). A period whose month and ytd are both unknown has no evaluation:
   * {@link Detector} does not ask for it ({@link YearLedger#hasValue}).
   */
  Optional<Evaluation> evaluate(YearMonth period, Ledgers ledgers, S settings);
}
