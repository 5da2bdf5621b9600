package dev.tradewatch.domain.alerts;

import dev.tradewatch.domain.figures.Usd;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Writes the one-sentence {@code message} of an alert, e.g. "TUR→AZE 2020-09: $77.1M in one month,
 * …".
 */
final class AlertMessages {

  private AlertMessages() {}

  static String describe(Alert alert) {
    String subject =
        alert.series().exporter() + "→" + alert.series().importer() + " " + alert.period() + ": ";
    String observed = Usd.humanise(alert.observedCents());
    String baseline = Usd.humanise(alert.baselineCents());
    String times =
        alert.ratio() == null
            ? "against"
            : alert.ratio().stripTrailingZeros().toPlainString() + "×";
    String finding =
        switch (alert.rule()) {
          case MONTH_THRESHOLD ->
              observed + " in one month, at or above the " + baseline + " threshold";
          case YTD_RATIO ->
              observed
                  + " year to date, "
                  + times
                  + " the "
                  + baseline
                  + " of "
                  + span(alert.period().minusYears(1));
          case MONTH_SPIKE ->
              observed
                  + " in one month, "
                  + times
                  + " the typical "
                  + baseline
                  + " of the previous 12 months";
        };
    if (alert.status() == AlertStatus.RESOLVED) {
      return subject + alert.rule().key() + " no longer fires (it last fired at " + observed + ")";
    }
    return subject + finding;
  }

  private static String span(YearMonth end) {
    String month = end.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    return end.getMonthValue() == 1
        ? month + " " + end.getYear()
        : "Jan–" + month + " " + end.getYear();
  }
}
