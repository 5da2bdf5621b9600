package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AbsentYearsTest {

  private final AbsentYears absent = new AbsentYears(2);

  @Test
  void shouldRememberMissingYearsPerFlowUntilTheyAreWritten() {
    AbsentYears.Flow flow = absent.of("TUR-AZE-total");
    flow.absent(2021);
    flow.absent(2018);
    flow.absent(2022);
    flow.absent(2021); // twice: still one entry

    assertThat(absent.of("TUR-AZE-total").isAbsent(2018)).isTrue();
    assertThat(absent.of("TUR-AZE-total").isAbsent(2021)).isTrue();
    assertThat(absent.of("TUR-AZE-total").isAbsent(2020)).isFalse();
    assertThat(absent.of("TUR-OMN-total").isAbsent(2021)).isFalse();

    flow.written(2021);
    flow.written(2030); // never absent: nothing to forget

    assertThat(absent.of("TUR-AZE-total").isAbsent(2021)).isFalse();
    assertThat(absent.of("TUR-AZE-total").isAbsent(2018)).isTrue();
    assertThat(absent.of("TUR-AZE-total").isAbsent(2022)).isTrue();
  }

  @Test
  void shouldForgetTheLeastRecentlyUsedFlowBeyondItsBoundAndEverythingOnClear() {
    absent.of("A-B-total").absent(2020);
    absent.of("A-C-total").absent(2020);
    assertThat(absent.of("A-B-total").isAbsent(2020)).isTrue(); // A-B used last
    absent.of("A-D-total").absent(2020);

    assertThat(absent.of("A-B-total").isAbsent(2020)).isTrue();
    assertThat(absent.of("A-D-total").isAbsent(2020)).isTrue();
    assertThat(absent.of("A-C-total").isAbsent(2020)).isFalse(); // forgotten (and now empty)

    absent.clear();
    assertThat(absent.of("A-B-total").isAbsent(2020)).isFalse();
  }
}
