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

  /**
   * A source: what {@code reporter} publishes in {@code category}, to any partner — the subject of
   * alerts about the source itself (no exporter or importer).
   */
  public static SeriesKey source(String reporter, String category) {
    return new SeriesKey("", "", category, reporter);
  }

  /** Whether this stands for a source rather than a series. */
  public boolean isSource() {
    return exporter.isEmpty();
  }

  /** Whether this stands for a flow as a whole: the subject of alerts comparing its reporters. */
  public boolean isFlow() {
    return BOTH.equals(reporter);
  }

  /**
   * Stable text id, e.g. {@code TUR-AZE-defence-aerospace-TUR}; a source's is {@code
   * TUR-defence-aerospace}.
   */
  public String id() {
    return isSource()
        ? reporter + '-' + category
        : exporter + '-' + importer + '-' + category + '-' + reporter;
  }
}
