package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.isolated.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference case (docs/contract.md, backtest): August 2020's spike, first knowable on
 * 2020-09-02, is caught 25 days before the war began on 2020-09-27.
 */
class SeedCaseLeadTimeTest {

  @TempDir Path dir;

  private final TopologyFixture fixture = new TopologyFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void shouldCatchTheAugustSpike25DaysBeforeTheWarWithTheBundledLabels() throws IOException {
    fixture.sendSeedCase();
    Collection<Alert> alerts = TopologyFixture.latest(fixture.readAlerts()).values();

    Labels labels = Labels.read(bundledLabels());

    assertThat(labels.leadTimes(alerts))
        .singleElement()
        .satisfies(
            lead -> {
              assertThat(lead.label().eventDate()).isEqualTo(LocalDate.of(2020, 9, 27));
              assertThat(lead.firstFiredAsOf()).isEqualTo(Instant.parse("2020-09-02T00:00:00Z"));
              assertThat(lead.days()).isEqualTo(25);
            });
    assertThat(labels.scoreByRule(alerts).get("month-spike").recall()).isEqualTo(1.0);
  }

  private Path bundledLabels() throws IOException {
    Path file = dir.resolve("seed-case-labels.csv");
    try (InputStream in = getClass().getResourceAsStream("/seed-case-labels.csv")) {
      Files.copy(in, file);
    }
    return file;
  }
}
