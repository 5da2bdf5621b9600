package dev.tradewatch.domain.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The shortcut FlowTracker takes for the usual figure: a month value after every value reported in
 * its year changes the ledger first at its own month, whatever was reported before it (months,
 * ytds, gaps, inconsistent reports), so the ledger before it need not be built.
 */
class YearLedgerProperties {

  @Property(tries = 3000)
  void aMonthAfterEveryValueChangesNothingBeforeIt(
      @ForAll("values") List<Long> months,
      @ForAll("values") List<Long> ytds,
      @ForAll @IntRange(min = 1, max = 12) int appended,
      @ForAll @IntRange(min = 0, max = 1_000_000) long value) {
    Reported[] reportedMonths = reported(months, appended);
    Reported[] reportedYtds = reported(ytds, appended);
    YearLedger before = YearLedger.reconcile(2020, reportedMonths, reportedYtds);
    reportedMonths[appended] = new Reported(value, Instant.ofEpochSecond(appended * 1000L), "S");
    YearLedger after = YearLedger.reconcile(2020, reportedMonths, reportedYtds);
    assertThat(before.firstDifference(after)).isEqualTo(appended);
  }

  /** Values by month 1..12 (null: not reported), none from {@code appended} on. */
  private static Reported[] reported(List<Long> values, int appended) {
    Reported[] reported = new Reported[13];
    for (int m = 1; m < appended; m++) {
      Long cents = values.get(m - 1);
      reported[m] = cents == null ? null : new Reported(cents, Instant.ofEpochSecond(m), null);
    }
    return reported;
  }

  @Provide
  Arbitrary<List<Long>> values() {
    return Arbitraries.longs().between(0, 5_000).injectNull(0.6).list().ofSize(12);
  }
}
