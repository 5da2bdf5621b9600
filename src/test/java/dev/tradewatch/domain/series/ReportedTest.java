package dev.tradewatch.domain.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportedTest {

  private static final Instant AT = Instant.parse("2020-10-02T00:00:00Z");

  @Test
  void shouldBreakATieOnTimeAndValueBySourceSoThatEitherOrderKeepsTheSameReport() {
    Reported tim = new Reported(100, AT, "TIM");
    Reported comtrade = new Reported(100, AT, "Comtrade");
    Reported none = new Reported(100, AT);

    assertThat(tim.supersedes(comtrade)).isTrue();
    assertThat(comtrade.supersedes(tim)).isFalse();
    assertThat(comtrade.supersedes(none)).isTrue();
    assertThat(none.supersedes(comtrade)).isFalse();
    assertThat(tim.supersedes(tim)).isFalse();
  }

  @Test
  void shouldLetTimeThenValueWinBeforeTheSource() {
    assertThat(new Reported(1, AT.plusSeconds(1), null).supersedes(new Reported(9, AT, "z")))
        .isTrue();
    assertThat(new Reported(9, AT, null).supersedes(new Reported(1, AT, "z"))).isTrue();
  }
}
