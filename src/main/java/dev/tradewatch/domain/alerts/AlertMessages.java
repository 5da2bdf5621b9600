package dev.tradewatch.domain.alerts;

/**
 * Writes the one-sentence {@code message} of an alert, e.g. "TUR→AZE 2020-09: $77.1M in one month,
 * …": the subject, then the rule's own words; for a resolved alert, that the rule no longer fires
 * and the rule's words for its numbers as they now stand.
 */
final class AlertMessages {

  private AlertMessages() {}

  static String describe(Alert alert) {
    String subject =
        alert.series().isSource()
            ? alert.series().reporter() + " " + alert.series().category() + ": "
            : alert.series().exporter()
                + "→"
                + alert.series().importer()
                + " "
                + alert.period()
                + ": ";
    if (alert.status() == AlertStatus.RESOLVED) {
      return subject
          + alert.rule().name()
          + " no longer fires: "
          + alert.rule().resolvedMessage(alert.finding());
    }
    return subject + alert.rule().message(alert.finding());
  }
}
