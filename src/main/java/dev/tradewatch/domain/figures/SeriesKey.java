package dev.tradewatch.domain.figures;

import java.util.Objects;

/**
 * A series: the figures one reporter publishes for one exporter → importer pair and category. All
 * state and every alert belongs to exactly one series.
 */
public record SeriesKey(String exporter, String importer, String category, String reporter) {

  /**
   * The reporter of a flow's own alerts, those of rules that compare what its two reporters say (a
   * reporter is otherwise a country code).
   */
  public static final String BOTH = "both";

  public SeriesKey {
    Objects.requireNonNull(exporter, "exporter");
    Objects.requireNonNull(importer, "importer");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(reporter, "reporter");
  }

  /** Whether this stands for a flow as a whole: the subject of alerts comparing its reporters. */
  public boolean isFlow() {
    return BOTH.equals(reporter);
  }

  /** Stable text id, e.g. {@code TUR-AZE-defence-aerospace-TUR}; used as the Kafka key. */
  public String id() {
    return exporter + '-' + importer + '-' + category + '-' + reporter;
  }
}
