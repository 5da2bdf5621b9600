package dev.tradewatch.domain.alerts;

import dev.tradewatch.domain.figures.Usd;

/**
 * Writes the one-sentence {@code message} of an alert, e.g. "TUR→AZE 2020-09: $77.1M in one month,
 * …": the subject, then the rule's own words, or that the rule no longer fires.
 */
final class AlertMessages {

  private AlertMessages() {}

  static String describe(Alert alert) {
    String subject =
        alert.series().exporter() + "→" + alert.series().importer() + " " + alert.period() + ": ";
    if (alert.status() == AlertStatus.RESOLVED) {
      return subject
          + alert.rule().name()
          + " no longer fires (it last fired at "
          + Usd.humanise(alert.observedCents())
          + ")";
    }
    return subject + alert.rule().message(alert.finding());
  }
}
