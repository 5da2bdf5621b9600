package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.Rules;
import dev.tradewatch.domain.rules.Severity;
import dev.tradewatch.domain.series.Evidence;
import dev.tradewatch.domain.series.Provenance;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The alert topic's bytes (streamed) and the API's tree of the same alert are one JSON text, and it
 * reads back as the alert it was written from, whatever the numbers and texts.
 */
class AlertJsonProperties {

  private static final ObjectMapper PLAIN = new ObjectMapper();

  @Property(tries = 500)
  void theTreeHoldsWhatTheBytesSay(@ForAll("alerts") Alert alert) throws Exception {
    assertThat(new String(PLAIN.writeValueAsBytes(AlertJson.toNode(alert)), "UTF-8"))
        .isEqualTo(AlertJson.toJson(alert));
  }

  @Property(tries = 500)
  void theBytesReadBackAsTheAlert(@ForAll("alerts") Alert alert) {
    Alert read = AlertJson.fromBytes(AlertJson.toBytes(alert));
    assertThat(AlertJson.toJson(read)).isEqualTo(AlertJson.toJson(alert));
  }

  @Provide
  Arbitrary<Alert> alerts() {
    Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(12);
    Arbitrary<SeriesKey> series =
        Arbitraries.oneOf(
            Combinators.combine(
                    Arbitraries.of("TUR", "AZE", "ISR"),
                    Arbitraries.of("AZE", "ARM", "DEU"),
                    text.filter(t -> !t.isEmpty()),
                    Arbitraries.of("TUR", "AZE", SeriesKey.BOTH))
                .as(SeriesKey::new),
            Combinators.combine(Arbitraries.of("TUR", "AZE"), text.filter(t -> !t.isEmpty()))
                .as(SeriesKey::source));
    Arbitrary<Long> cents = Arbitraries.longs().between(0, 1_000_000_000_000_000L);
    Arbitrary<Instant> instants =
        Arbitraries.longs()
            .between(0, 4_000_000_000L)
            .flatMap(
                s ->
                    Arbitraries.integers()
                        .between(0, 999_999_999)
                        .map(n -> Instant.ofEpochSecond(s, n)));
    Arbitrary<YearMonth> periods =
        Combinators.combine(
                Arbitraries.integers().between(1990, 2030), Arbitraries.integers().between(1, 12))
            .as(YearMonth::of);
    Arbitrary<Evidence> evidence =
        Combinators.combine(
                periods,
                Arbitraries.of(Basis.class),
                cents,
                Arbitraries.of(Provenance.class),
                text.injectNull(0.3),
                instants,
                Arbitraries.of("TUR", "AZE").injectNull(0.7))
            .as(Evidence::new);
    Arbitrary<BigDecimal> ratios = // rules work ratios out to three decimals (Rule, MirrorGap)
        Arbitraries.longs()
            .between(0, 10_000_000)
            .map(thousandths -> BigDecimal.valueOf(thousandths, 3))
            .injectNull(0.2);
    return Combinators.combine(
            series,
            Arbitraries.of(Rules.ALL),
            periods,
            Arbitraries.of(AlertStatus.class),
            Arbitraries.of(Severity.class),
            cents,
            cents,
            ratios)
        .flatAs(
            (key, rule, period, status, severity, observed, baseline, ratio) ->
                Combinators.combine(
                        instants,
                        Arbitraries.integers().between(1, 1000),
                        instants.injectNull(0.3),
                        instants.injectNull(0.3),
                        evidence.list().ofMaxSize(Alert.MAX_EVIDENCE),
                        text.injectNull(0.3))
                    .as(
                        (detectedAt, version, asOf, firstFiredAsOf, entries, method) ->
                            new Alert(
                                key,
                                rule,
                                period,
                                status,
                                severity,
                                key.isSource() ? 0 : observed,
                                key.isSource() ? 0 : baseline,
                                ratio,
                                detectedAt,
                                version,
                                asOf,
                                firstFiredAsOf,
                                entries,
                                method)));
  }
}
