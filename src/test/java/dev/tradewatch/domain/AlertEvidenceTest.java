package dev.tradewatch.domain;

import static dev.tradewatch.domain.Figures.figure;
import static dev.tradewatch.domain.Figures.seedCase;
import static dev.tradewatch.domain.Figures.ytd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.figures.FlowKey;
import dev.tradewatch.domain.rules.MonthThreshold;
import dev.tradewatch.domain.rules.Severity;
import dev.tradewatch.domain.series.Evidence;
import dev.tradewatch.domain.series.Provenance;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** asOf, firstFiredAsOf, evidence and method (docs/contract.md, "Output alert"). */
class AlertEvidenceTest {

  private static final String AZE = "TUR-AZE-defence-aerospace-TUR-";
  private static final Instant SEP_02 = Instant.parse("2020-09-02T00:00:00Z");
  private static final Instant OCT_02 = Instant.parse("2020-10-02T00:00:00Z");
  private static final Instant OCT_20 = Instant.parse("2020-10-20T00:00:00Z");

  @Test
  void shouldFireTheAugustSpikeAsOfItsOwnPublicationWithTheBaselineMonthsAsEvidence() {
    Monitor monitor = new Monitor().feed(seedCase()[0], seedCase()[1], seedCase()[2]);

    Alert spike = first(monitor.emitted(), AZE + "month-spike-2020-08");
    assertThat(spike.status()).isEqualTo(AlertStatus.FIRING);
    assertThat(spike.asOf()).isEqualTo(SEP_02);
    assertThat(spike.firstFiredAsOf()).isEqualTo(SEP_02);
    assertThat(spike.method()).isEqualTo("median of 12 months 2019-08..2020-07, 3 known");
    assertThat(spike.evidence())
        .extracting(e -> e.period() + " " + e.known().wireName() + " " + e.publishedAt())
        .containsExactly(
            "2020-08 reported 2020-09-02T00:00:00Z",
            "2019-08 span-average 2019-10-02T00:00:00Z",
            "2019-09 span-average 2019-10-02T00:00:00Z",
            "2020-07 reported 2020-08-02T00:00:00Z");
    assertThat(spike.evidence().get(0).source()).isEqualTo("test");
    assertThat(spike.evidence().get(1).source()).isNull();
  }

  @Test
  void shouldKeepFirstFiredAsOfWhenALaterFigureUpdatesTheAlert() {
    Monitor monitor = new Monitor().feed(seedCase());

    Alert spike = last(monitor.emitted(), AZE + "month-spike-2020-08");
    assertThat(spike.status()).isEqualTo(AlertStatus.UPDATED);
    assertThat(spike.asOf()).isEqualTo(OCT_02); // the 2020 ytd now fills the baseline's months
    assertThat(spike.firstFiredAsOf()).isEqualTo(SEP_02);
    assertThat(spike.method()).isEqualTo("median of 12 months 2019-08..2020-07, 9 known");
    assertThat(spike.evidence()).hasSize(10); // 2019-10..12 lie in no known span
  }

  @Test
  void shouldShowADerivedYtdAsDerivedAndTheLatestPublicationItCameFrom() {
    Monitor monitor =
        new Monitor()
            .feed(
                ytd("TUR", "AZE", "2019-09", 20_700_000),
                ytd("TUR", "AZE", "2020-08", 45_900_000),
                figure("TUR", "AZE", "2020-09", 77_100_000));

    Alert ratio = last(monitor.emitted(), AZE + "ytd-ratio-2020-09");
    assertThat(ratio.observedCents()).isEqualTo(12_300_000_000L);
    assertThat(ratio.method()).isEqualTo("ytd 2020-09 derived against ytd 2019-09 reported");
    assertThat(ratio.evidence())
        .containsExactly(
            new Evidence(
                YearMonth.of(2020, 9),
                Basis.YTD,
                12_300_000_000L,
                Provenance.DERIVED,
                null,
                OCT_02),
            new Evidence(
                YearMonth.of(2019, 9),
                Basis.YTD,
                2_070_000_000L,
                Provenance.REPORTED,
                "test",
                Instant.parse("2019-10-02T00:00:00Z")));
    assertThat(ratio.asOf()).isEqualTo(OCT_02);
  }

  @Test
  void shouldUpdateWhenOnlyTheSourceOrPublicationOfAFigureChangesButNotWhenReprocessed() {
    Figure september = figure("TUR", "OMN", "2020-09", 63_000_000);
    Figure resourced =
        new Figure(
            september.series(),
            september.period(),
            september.basis(),
            september.valueCents(),
            "TIM revised table",
            OCT_02.plusSeconds(86_400));
    Monitor monitor = new Monitor().feed(september, september);
    assertThat(monitor.emitted()).hasSize(1);

    monitor.feed(resourced, resourced, september);

    assertThat(monitor.emitted()).hasSize(2);
    Alert updated = monitor.emitted().get(1);
    assertThat(updated.status()).isEqualTo(AlertStatus.UPDATED);
    assertThat(updated.observedCents()).isEqualTo(6_300_000_000L);
    assertThat(updated.asOf()).isEqualTo(OCT_02.plusSeconds(86_400));
    assertThat(updated.firstFiredAsOf()).isEqualTo(OCT_02);
    assertThat(updated.evidence().get(0).source()).isEqualTo("TIM revised table");
  }

  @Test
  void shouldGiveAnAlertStoredWithoutEvidenceItsEvidenceAtItsNextChange() {
    Figure september = figure("TUR", "OMN", "2020-09", 63_000_000);
    Monitor monitor = new Monitor().feed(september);
    FlowYear stored = monitor.store().get(FlowYear.storeKey(FlowKey.of(september.series()), 2020));
    Alert fired = monitor.emitted().get(0);
    stored.putAlert( // as the series store's format 2 held it
        new Alert(
            fired.series(),
            fired.rule(),
            fired.period(),
            fired.status(),
            fired.severity(),
            fired.observedCents(),
            fired.baselineCents(),
            fired.ratio(),
            fired.detectedAt(),
            fired.version()));

    // a change that reaches it: September re-published (a later month leaves it alone)
    monitor.feed(figure("TUR", "OMN", "2020-10", 1_000_000));
    assertThat(monitor.emitted()).hasSize(1);
    monitor.feed(Figures.republished(september, 63_000_000, OCT_20));

    Alert updated = monitor.emitted().get(monitor.emitted().size() - 1);
    assertThat(updated.status()).isEqualTo(AlertStatus.UPDATED);
    assertThat(updated.version()).isEqualTo(2);
    assertThat(updated.asOf()).isEqualTo(OCT_20);
    assertThat(updated.evidence()).hasSize(1);
  }

  @Test
  void shouldKeepAtMost26EvidenceEntries() {
    Evidence entry =
        new Evidence(YearMonth.of(2020, 1), Basis.MONTH, 1, Provenance.REPORTED, null, SEP_02);
    Alert alert =
        new Alert(
            seedCase()[0].series(),
            MonthThreshold.RULE,
            YearMonth.of(2020, 1),
            AlertStatus.FIRING,
            Severity.HIGH,
            1,
            1,
            null,
            SEP_02,
            1,
            SEP_02,
            SEP_02,
            Collections.nCopies(40, entry),
            "method");

    assertThat(alert.evidence()).hasSize(Alert.MAX_EVIDENCE).hasSize(26);
  }

  private static Alert first(List<Alert> alerts, String id) {
    return alerts.stream().filter(a -> a.alertId().equals(id)).findFirst().orElseThrow();
  }

  private static Alert last(List<Alert> alerts, String id) {
    return alerts.stream().filter(a -> a.alertId().equals(id)).reduce((a, b) -> b).orElseThrow();
  }
}
