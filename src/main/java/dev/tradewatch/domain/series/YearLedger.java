package dev.tradewatch.domain.series;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One calendar year of one series: monthly and year-to-date values reconciled both ways. A month is
 * known when reported or derivable as ytd(m) - ytd(m-1); a ytd is known when reported or derivable
 * from a known neighbour ytd and the month between them. Reported values always win. Derivations
 * run in a fixed order, so the result depends only on the set of reported values, never on arrival
 * order.
 */
public final class YearLedger {

  private static final byte UNKNOWN = 0;
  private static final byte REPORTED = 1;
  private static final byte DERIVED = 2;
  private static final long NO_ESTIMATE = -1; // values are never negative

  private final long[] month = new long[13];
  private final byte[] monthKind = new byte[13];
  private final long[] ytd = new long[13];
  private final byte[] ytdKind = new byte[13];

  /**
   * estimate(m) for months 1..12, worked out once: baselines ask for each month up to 24 times per
   * figure.
   */
  private final long[] estimates = new long[13];

  private YearLedger() {
    ytdKind[0] = DERIVED; // nothing is exported before January: ytd(0) = 0
  }

  /**
   * Builds the ledger from reported values; arrays are indexed by month 1..12, null entries
   * unknown.
   */
  public static YearLedger reconcile(Long[] reportedMonths, Long[] reportedYtds) {
    YearLedger ledger = new YearLedger();
    for (int m = 1; m <= 12; m++) {
      if (reportedMonths[m] != null) {
        ledger.month[m] = reportedMonths[m];
        ledger.monthKind[m] = REPORTED;
      }
      if (reportedYtds[m] != null) {
        ledger.ytd[m] = reportedYtds[m];
        ledger.ytdKind[m] = REPORTED;
      }
    }
    ledger.deriveUntilStable();
    for (int m = 1; m <= 12; m++) {
      ledger.estimates[m] = ledger.computeEstimate(m);
    }
    return ledger;
  }

  private void deriveUntilStable() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int m = 1; m <= 12; m++) {
        changed |= deriveMonth(m) | deriveYtdForward(m);
      }
      for (int m = 12; m >= 2; m--) {
        changed |= deriveYtdBackward(m);
      }
    }
  }

  private boolean deriveMonth(int m) {
    if (monthKind[m] != UNKNOWN || ytdKind[m] == UNKNOWN || ytdKind[m - 1] == UNKNOWN) {
      return false;
    }
    long value = ytd[m] - ytd[m - 1];
    if (value < 0) {
      return false; // inconsistent reports: derive nothing rather than a negative month
    }
    month[m] = value;
    monthKind[m] = DERIVED;
    return true;
  }

  private boolean deriveYtdForward(int m) {
    if (ytdKind[m] != UNKNOWN || ytdKind[m - 1] == UNKNOWN || monthKind[m] == UNKNOWN) {
      return false;
    }
    ytd[m] = ytd[m - 1] + month[m];
    ytdKind[m] = DERIVED;
    return true;
  }

  private boolean deriveYtdBackward(int m) {
    if (ytdKind[m - 1] != UNKNOWN || ytdKind[m] == UNKNOWN || monthKind[m] == UNKNOWN) {
      return false;
    }
    long value = ytd[m] - month[m];
    if (value < 0) {
      return false;
    }
    ytd[m - 1] = value;
    ytdKind[m - 1] = DERIVED;
    return true;
  }

  public Optional<Known> month(int m) {
    return monthKind[m] == UNKNOWN
        ? Optional.empty()
        : Optional.of(new Known(month[m], monthKind[m] == REPORTED));
  }

  public Optional<Known> ytd(int m) {
    return ytdKind[m] == UNKNOWN || m == 0
        ? Optional.empty()
        : Optional.of(new Known(ytd[m], ytdKind[m] == REPORTED));
  }

  /**
   * The best monthly figure for baselines: the month itself when known, otherwise its share of the
   * ytd span around it (the span's total less its known months, spread evenly over the unknown
   * ones).
   */
  public OptionalLong estimate(int m) {
    return estimates[m] == NO_ESTIMATE ? OptionalLong.empty() : OptionalLong.of(estimates[m]);
  }

  private long computeEstimate(int m) {
    if (monthKind[m] != UNKNOWN) {
      return month[m];
    }
    int lower = m - 1;
    while (ytdKind[lower] == UNKNOWN) {
      lower--;
    }
    int upper = m;
    while (upper <= 12 && ytdKind[upper] == UNKNOWN) {
      upper++;
    }
    if (upper > 12) {
      return NO_ESTIMATE;
    }
    long rest = ytd[upper] - ytd[lower];
    int unknownMonths = 0;
    for (int i = lower + 1; i <= upper; i++) {
      if (monthKind[i] == UNKNOWN) {
        unknownMonths++;
      } else {
        rest -= month[i];
      }
    }
    return rest < 0 ? NO_ESTIMATE : (rest + unknownMonths / 2) / unknownMonths;
  }
}
