package dev.tradewatch.domain;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.series.SourceHistory;

/**
 * What tradewatch keeps of one source (a reporter's publications in one category): its recent
 * history and the last state of its alert, if it ever had one. Mutable; owned by one stream task.
 */
public final class SourceState {

  private final SeriesKey source;
  private final SourceHistory history = new SourceHistory();
  private Alert alert;

  public SourceState(SeriesKey source) {
    if (!source.isSource()) {
      throw new IllegalArgumentException(source + " is not a source");
    }
    this.source = source;
  }

  /** The store key, e.g. {@code TUR-defence-aerospace}. */
  public String storeKey() {
    return source.id();
  }

  public SeriesKey source() {
    return source;
  }

  public SourceHistory history() {
    return history;
  }

  /** The last state of the source's alert, or null. */
  public Alert alert() {
    return alert;
  }

  public void alert(Alert alert) {
    this.alert = alert;
  }
}
