package dev.tradewatch.domain;

import dev.tradewatch.domain.alerts.Alert;
import java.util.List;

/**
 * The result of applying one figure to its series: its outcome and the alert changes to publish.
 */
public record Applied(FigureOutcome outcome, List<Alert> changes) {

  public Applied {
    changes = List.copyOf(changes);
  }
}
