package dev.tradewatch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.DetectionConfig;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A source's alert fires once, never moves with time alone, and resolves with a newer period. */
class SourceTrackerTest {

  private static final SeriesKey SERIES = new SeriesKey("TUR", "AZE", "93", "TUR");
  private final SourceTracker tracker = new SourceTracker(DetectionConfig.defaults());
  private final SourceState state = new SourceState(SeriesKey.source("TUR", "93"));

  @Test
  void shouldFireOnceStayPutAsTimePassesAndResolveWhenANewerPeriodArrives() {
    Instant quiet = Instant.parse("2021-03-01T00:00:00Z");
    for (int m = 1; m <= 12; m++) {
      Figure figure = figure(YearMonth.of(2020, m));
      // judged as it arrives, in real time: never overdue
      Instant now = figure.publishedAt();
      assertThat(tracker.apply(state, figure, now, now)).isEmpty();
    }

    Optional<Alert> fired = tracker.judge(state, Instant.parse("2021-06-01T00:00:00Z"), quiet);
    assertThat(fired).isPresent();
    assertThat(fired.get().status()).isEqualTo(AlertStatus.FIRING);
    assertThat(fired.get().alertId()).isEqualTo("TUR-93-source-silent");
    assertThat(fired.get().message())
        .isEqualTo("TUR 93: has published nothing since 2020-12, longer than its habits allow");
    assertThat(tracker.judge(state, Instant.parse("2023-01-01T00:00:00Z"), quiet)).isEmpty();

    Instant later = Instant.parse("2023-02-01T00:00:00Z");
    Optional<Alert> resolved = tracker.apply(state, figure(YearMonth.of(2023, 1)), later, later);
    assertThat(resolved).isPresent();
    assertThat(resolved.get().status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(resolved.get().period()).isEqualTo(YearMonth.of(2023, 1));
    assertThat(resolved.get().version()).isEqualTo(2);
  }

  private static Figure figure(YearMonth period) {
    Instant published = period.plusMonths(1).atDay(5).atStartOfDay().toInstant(ZoneOffset.UTC);
    return new Figure(SERIES, period, Basis.MONTH, 1_000_000_00L, "TIM", published);
  }
}
