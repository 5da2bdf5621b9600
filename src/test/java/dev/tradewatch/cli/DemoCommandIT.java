package dev.tradewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code demo --once}: the whole story in one command, ending by itself. */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hung broker or client fails the test, not CI
class DemoCommandIT {

  @Test
  void shouldPrintTheTurkeyAzerbaijanAlertsAndExitZero() {
    CommandITSupport.Outcome outcome =
        CommandITSupport.execute("demo", "--once", "--http-port", "0");

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.out())
        .contains(
            "TUR→AZE  2020-09  month-threshold  $77.1M ≥ $50.0M",
            "TUR→AZE  2020-09  ytd-ratio        $123.0M vs $20.7M (5.942×)",
            "TUR→AZE  2020-08  month-spike",
            "TUR→OMN  2020-09  month-threshold  $63.0M ≥ $50.0M",
            "All figures processed:");
    assertThat(outcome.out()).doesNotContain("TUR→OMN  2020-09  month-spike");
  }

  @Test
  void shouldShowEachAnalystCheckOnceAndJudgeSourcesOnlyAtTheEndOfTheData() {
    CommandITSupport.Outcome outcome =
        CommandITSupport.execute("demo", "--once", "--http-port", "0");

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.out())
        .contains(
            "ISR→AZE  2023-05  mirror-gap       imports $41.0M vs exports $3.2M (12.812×)",
            "SWE→ARM  2023-05  dormant-partner  $4.0M after ≤ $100.0K (24 of 24 known)",
            "SRB (all) 2022-12  source-silent    latest 2022-12",
            // the Turkish Exporters' Assembly's defence figures, as far as the demo's data goes
            "TUR (all) 2020-09  source-silent    latest 2020-09");
    // judged once, at the data's end: no source looks silent while its figures are replayed
    assertThat(outcome.out().lines().filter(line -> line.contains("source-silent"))).hasSize(2);
  }
}
