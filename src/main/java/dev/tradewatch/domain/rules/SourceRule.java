package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.series.SourceHistory;
import java.time.Instant;
import java.util.Optional;

/**
 * A rule of a source: what one reporter publishes in one category, to any partner. Its alert
 * belongs to the source (no exporter or importer) and is judged at a "now".
 *
 * @param <S> the rule's own settings
 */
public sealed interface SourceRule<S extends Rule.Settings> extends Rule<S> permits SourceSilent {

  /** This rule applied to a source's history at {@code now}; empty when it cannot be judged. */
  Optional<Evaluation> evaluate(SourceHistory history, String reporter, Instant now, S settings);
}
