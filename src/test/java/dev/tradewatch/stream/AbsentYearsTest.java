package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AbsentYearsTest {

  private final AbsentYears absent = new AbsentYears(2);

  @Test
  void shouldRememberMissingYearsPerFlowUntilTheyAreWritten() {
    absent.absent("TUR-AZE-total", 2021);
    absent.absent("TUR-AZE-total", 2018);
    absent.absent("TUR-AZE-total", 2022);
    absent.absent("TUR-AZE-total", 2021); // twice: still one entry

    assertThat(absent.isAbsent("TUR-AZE-total", 2018)).isTrue();
    assertThat(absent.isAbsent("TUR-AZE-total", 2021)).isTrue();
    assertThat(absent.isAbsent("TUR-AZE-total", 2020)).isFalse();
    assertThat(absent.isAbsent("TUR-OMN-total", 2021)).isFalse();

    absent.written("TUR-AZE-total", 2021);
    absent.written("TUR-AZE-total", 2030); // never absent: nothing to forget

    assertThat(absent.isAbsent("TUR-AZE-total", 2021)).isFalse();
    assertThat(absent.isAbsent("TUR-AZE-total", 2018)).isTrue();
    assertThat(absent.isAbsent("TUR-AZE-total", 2022)).isTrue();
  }

  @Test
  void shouldForgetTheLeastRecentlyUsedFlowBeyondItsBoundAndEverythingOnClear() {
    absent.absent("A-B-total", 2020);
    absent.absent("A-C-total", 2020);
    assertThat(absent.isAbsent("A-B-total", 2020)).isTrue(); // A-B used last
    absent.absent("A-D-total", 2020);

    assertThat(absent.isAbsent("A-C-total", 2020)).isFalse();
    assertThat(absent.isAbsent("A-B-total", 2020)).isTrue();
    assertThat(absent.isAbsent("A-D-total", 2020)).isTrue();

    absent.clear();
    assertThat(absent.isAbsent("A-B-total", 2020)).isFalse();
  }
}
