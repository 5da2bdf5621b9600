package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** IsoText writes what java.time's toString writes, in every year and precision. */
class IsoTextProperties {

  @Property(tries = 5000)
  void instantsAreWrittenAsInstantToStringWritesThem(@ForAll("instants") Instant instant) {
    assertThat(IsoText.instant(instant)).isEqualTo(instant.toString());
  }

  @Property(tries = 2000)
  void periodsAreWrittenAsYearMonthToStringWritesThem(
      @ForAll @IntRange(min = -20_000, max = 20_000) int year,
      @ForAll @IntRange(min = 1, max = 12) int month) {
    YearMonth period = YearMonth.of(year, month);
    assertThat(IsoText.period(period)).isEqualTo(period.toString());
  }

  @Provide
  Arbitrary<Instant> instants() {
    Arbitrary<Long> seconds =
        Arbitraries.oneOf(
            Arbitraries.longs().between(-62_000_000_000L, 400_000_000_000L), // years 5 to 14,600
            Arbitraries.longs().between(0, 4_102_444_800L)); // 1970 to 2100
    Arbitrary<Integer> nanos =
        Arbitraries.oneOf(
            Arbitraries.just(0),
            Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
            Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000),
            Arbitraries.integers().between(0, 999_999_999));
    return seconds.flatMap(s -> nanos.map(n -> Instant.ofEpochSecond(s, n)));
  }
}
