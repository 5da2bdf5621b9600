package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.figures.SeriesKey;
import java.time.YearMonth;
import java.util.Optional;

/**
 * A rule of a flow, comparing what its two reporters say: the exporter's own figures and the
 * importer's mirror figures. Its alerts belong to the flow (reporter {@code both}).
 *
 * @param <S> the rule's own settings
 */
public sealed interface FlowRule<S extends Rule.Settings> extends Rule<S> permits MirrorGap {

  /**
   * This rule applied to one period of a flow; empty when it cannot be (a side is not known).
   * Evidence names the reporter of each value. A period where the exporter's series has neither
   * month nor ytd known has no evaluation: {@link FlowDetector} does not ask for it.
   *
   * @param flow the flow, as the subject of its alerts (reporter {@link SeriesKey#BOTH})
   * @param exporterSide the ledgers of the series the exporter reports
   * @param importerSide the ledgers of the series the importer reports (mirror figures)
   */
  Optional<Evaluation> evaluate(
      YearMonth period, SeriesKey flow, Ledgers exporterSide, Ledgers importerSide, S settings);
}
