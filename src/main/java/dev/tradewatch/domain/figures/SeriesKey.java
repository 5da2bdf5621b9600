package dev.tradewatch.domain.figures;

import java.util.Objects;

/**
 * A series: the figures one reporter publishes for one exporter → importer pair and category. All
 * state and every alert belongs to exactly one series.
 */
public record SeriesKey(String exporter, String importer, String category, String reporter) {

  public SeriesKey {
    Objects.requireNonNull(exporter, "exporter");
    Objects.requireNonNull(importer, "importer");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(reporter, "reporter");
  }

  /** Stable text id, e.g. {@code TUR-AZE-defence-aerospace-TUR}; used as the Kafka key. */
  public String id() {
    return exporter + '-' + importer + '-' + category + '-' + reporter;
  }
}
