package dev.tradewatch.domain.figures;

import java.util.Objects;

/**
 * A flow: exporter → importer of one category, whoever reports it. Its series are the exporter's
 * own figures and the importer's mirror figures; rules that compare the two look at the flow.
 */
public record FlowKey(String exporter, String importer, String category) {

  public FlowKey {
    Objects.requireNonNull(exporter, "exporter");
    Objects.requireNonNull(importer, "importer");
    Objects.requireNonNull(category, "category");
  }

  public static FlowKey of(SeriesKey series) {
    return new FlowKey(series.exporter(), series.importer(), series.category());
  }

  /** Stable text id, e.g. {@code TUR-AZE-defence-aerospace}; used as the Kafka key. */
  public String id() {
    return exporter + '-' + importer + '-' + category;
  }

  /** The series of this flow that {@code reporter} reports. */
  public SeriesKey series(String reporter) {
    return new SeriesKey(exporter, importer, category, reporter);
  }
}
