package dev.tradewatch.domain.series;

import dev.tradewatch.domain.figures.Basis;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One calendar year of one series: monthly and year-to-date values reconciled both ways. A month is
 * known when reported or derivable as ytd(m) - ytd(m-1); a ytd is known when reported or derivable
 * from a known neighbour ytd and the month between them. Reported values always win. Derivations
 * run in a fixed order, so the result depends only on the set of reported values, never on arrival
 * order. Each value also knows when it became knowable (its publication, or the latest of the
 * values it was worked out from), so rules can show their evidence.
 */
public final class YearLedger {

  private static final byte UNKNOWN = 0;
  private static final byte REPORTED = 1;
  private static final byte DERIVED = 2;
  private static final long NO_ESTIMATE = -1; // values are never negative

  private final int year;
  private final long[] month = new long[13];
  private final byte[] monthKind = new byte[13];
  private final long[] ytd = new long[13];
  private final byte[] ytdKind = new byte[13];
  private final Instant[] monthAt = new Instant[13];
  private final Instant[] ytdAt = new Instant[13]; // ytdAt[0] stays null: known from nothing
  private final String[] monthSource = new String[13];
  private final String[] ytdSource = new String[13];

  /**
   * estimate(m) for months 1..12, worked out once: baselines ask for each month up to 24 times per
   * figure.
   */
  private final long[] estimates = new long[13];

  private final Instant[] estimateAt = new Instant[13];

  private YearLedger(int year) {
    this.year = year;
    ytdKind[0] = DERIVED; // nothing is exported before January: ytd(0) = 0
  }

  /** Empty ledgers by year (periods have four-digit years). */
  private static final AtomicReferenceArray<YearLedger> EMPTY = new AtomicReferenceArray<>(10_000);

  /**
   * The ledger of {@code year} with nothing reported, shared: a ledger never changes once built,
   * and rules look at the empty years around a series' first one for every figure.
   */
  public static YearLedger empty(int year) {
    if (year < 0 || year >= EMPTY.length()) {
      return reconcile(year, new Reported[13], new Reported[13]);
    }
    YearLedger empty = EMPTY.get(year);
    if (empty == null) {
      empty = reconcile(year, new Reported[13], new Reported[13]);
      EMPTY.compareAndSet(year, null, empty);
    }
    return empty;
  }

  /**
   * Builds the ledger of {@code year} from reported values; arrays are indexed by month 1..12, null
   * entries unknown.
   */
  public static YearLedger reconcile(int year, Reported[] reportedMonths, Reported[] reportedYtds) {
    YearLedger ledger = new YearLedger(year);
    for (int m = 1; m <= 12; m++) {
      Reported reportedMonth = reportedMonths[m];
      if (reportedMonth != null) {
        ledger.month[m] = reportedMonth.valueCents();
        ledger.monthKind[m] = REPORTED;
        ledger.monthAt[m] = reportedMonth.publishedAt();
        ledger.monthSource[m] = reportedMonth.source();
      }
      Reported reportedYtd = reportedYtds[m];
      if (reportedYtd != null) {
        ledger.ytd[m] = reportedYtd.valueCents();
        ledger.ytdKind[m] = REPORTED;
        ledger.ytdAt[m] = reportedYtd.publishedAt();
        ledger.ytdSource[m] = reportedYtd.source();
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
    monthAt[m] = latest(ytdAt[m], ytdAt[m - 1]);
    return true;
  }

  private boolean deriveYtdForward(int m) {
    if (ytdKind[m] != UNKNOWN || ytdKind[m - 1] == UNKNOWN || monthKind[m] == UNKNOWN) {
      return false;
    }
    ytd[m] = ytd[m - 1] + month[m];
    ytdKind[m] = DERIVED;
    ytdAt[m] = latest(ytdAt[m - 1], monthAt[m]);
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
    ytdAt[m - 1] = latest(ytdAt[m], monthAt[m]);
    return true;
  }

  /**
   * The first month (1..12) where this ledger and {@code other} differ in anything a rule can see —
   * a value, how it is known, when, its source, a baseline's estimate — or 13 when none does. Rules
   * look only backwards, so an evaluation for an earlier month is the same over both.
   */
  public int firstDifference(YearLedger other) {
    for (int m = 1; m <= 12; m++) {
      boolean same =
          month[m] == other.month[m]
              && monthKind[m] == other.monthKind[m]
              && ytd[m] == other.ytd[m]
              && ytdKind[m] == other.ytdKind[m]
              && Objects.equals(monthAt[m], other.monthAt[m])
              && Objects.equals(ytdAt[m], other.ytdAt[m])
              && Objects.equals(monthSource[m], other.monthSource[m])
              && Objects.equals(ytdSource[m], other.ytdSource[m])
              && estimates[m] == other.estimates[m]
              && Objects.equals(estimateAt[m], other.estimateAt[m]);
      if (!same) {
        return m;
      }
    }
    return 13;
  }

  /** Whether the month {@code m} (1..12) or the ytd up to it is known. */
  public boolean hasValue(int m) {
    return monthKind[m] != UNKNOWN || ytdKind[m] != UNKNOWN;
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

  /** The month {@code m} as evidence, when known. */
  public Optional<Evidence> monthEvidence(int m) {
    return monthKind[m] == UNKNOWN
        ? Optional.empty()
        : Optional.of(evidence(m, Basis.MONTH, month[m], monthKind[m], monthSource[m], monthAt[m]));
  }

  /** The ytd up to {@code m} as evidence, when known. */
  public Optional<Evidence> ytdEvidence(int m) {
    return ytdKind[m] == UNKNOWN || m == 0
        ? Optional.empty()
        : Optional.of(evidence(m, Basis.YTD, ytd[m], ytdKind[m], ytdSource[m], ytdAt[m]));
  }

  /**
   * The month {@code m} as a baseline counts it, as evidence: the month when known, else its share
   * of a ytd span ({@link Provenance#SPAN_AVERAGE}); empty when neither.
   */
  public Optional<Evidence> estimateEvidence(int m) {
    if (monthKind[m] != UNKNOWN) {
      return monthEvidence(m);
    }
    return estimates[m] == NO_ESTIMATE
        ? Optional.empty()
        : Optional.of(
            new Evidence(
                YearMonth.of(year, m),
                Basis.MONTH,
                estimates[m],
                Provenance.SPAN_AVERAGE,
                null,
                estimateAt[m]));
  }

  private Evidence evidence(
      int m, Basis basis, long value, byte kind, String source, Instant publishedAt) {
    Provenance known = kind == REPORTED ? Provenance.REPORTED : Provenance.DERIVED;
    return new Evidence(
        YearMonth.of(year, m),
        basis,
        value,
        known,
        known == Provenance.REPORTED ? source : null,
        publishedAt);
  }

  /** The later of two instants, null standing for "known from nothing" (ytd(0)). */
  private static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
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
    Instant at = latest(ytdAt[lower], ytdAt[upper]);
    for (int i = lower + 1; i <= upper; i++) {
      if (monthKind[i] == UNKNOWN) {
        unknownMonths++;
      } else {
        rest -= month[i];
        at = latest(at, monthAt[i]);
      }
    }
    estimateAt[m] = at;
    return rest < 0 ? NO_ESTIMATE : (rest + unknownMonths / 2) / unknownMonths;
  }
}
