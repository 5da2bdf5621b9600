package dev.tradewatch.isolated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.rules.MonthSpike;
import dev.tradewatch.domain.rules.MonthThreshold;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsTest {

  @TempDir Path dir;

  private Path write(String content) throws IOException {
    return Files.writeString(dir.resolve("labels.csv"), content);
  }

  @Test
  void shouldReadLabelsWithAndWithoutRuleAndCodesInAnyCase() throws IOException {
    Labels labels =
        Labels.read(
            write("exporter,importer,period,rule\nTUR,AZE,2020-08\ntur,aze,2020-09,month-spike\n"));

    assertThat(labels.labels())
        .containsExactly(
            new Labels.Label("TUR", "AZE", "2020-08", null),
            new Labels.Label("TUR", "AZE", "2020-09", "month-spike"));
  }

  @Test
  void shouldRefuseABadPeriodWithItsLineNumber() throws IOException {
    Path file = write("exporter,importer,period\nTUR,AZE,2020-08\nTUR,AZE,2020-13\n");

    assertThatThrownBy(() -> Labels.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + " line 3: bad period '2020-13' (expected YYYY-MM)");
  }

  @Test
  void shouldRefuseAPeriodInAnotherShape() throws IOException {
    Path file = write("TUR,AZE,2020-9\n");

    assertThatThrownBy(() -> Labels.read(file))
        .hasMessage(file + " line 1: bad period '2020-9' (expected YYYY-MM)");
  }

  @Test
  void shouldRefuseAnUnknownRuleNamingTheKnownOnes() throws IOException {
    Path file = write("TUR,AZE,2020-08,spike\n");

    assertThatThrownBy(() -> Labels.read(file))
        .hasMessage(
            file
                + " line 1: unknown rule 'spike' (known: month-threshold, ytd-ratio, month-spike,"
                + " mirror-gap, dormant-partner, source-silent)");
  }

  @Test
  void shouldRefuseAnUnknownCountry() throws IOException {
    Path file = write("exporter,importer,period\nTUR,AZX,2020-08\n");

    assertThatThrownBy(() -> Labels.read(file))
        .hasMessageStartingWith(file + " line 2: unknown country 'AZX'");
  }

  @Test
  void shouldRefuseAWrongNumberOfCells() throws IOException {
    Path file = write("TUR,AZE\n");

    assertThatThrownBy(() -> Labels.read(file))
        .hasMessage(
            file
                + " line 1: expected exporter,importer,period[,rule[,eventDate[,category]]],"
                + " found 2 cells");
  }

  @Test
  void shouldReadAnEventDateAndACategoryWithOrWithoutARule() throws IOException {
    Labels labels =
        Labels.read(
            write(
                "TUR,AZE,2020-08,month-spike,2020-09-27,defence-aerospace\n"
                    + "TUR,AZE,2020-09,,2020-09-27\n"));

    assertThat(labels.labels())
        .containsExactly(
            new Labels.Label(
                "TUR",
                "AZE",
                "2020-08",
                "month-spike",
                LocalDate.of(2020, 9, 27),
                "defence-aerospace"),
            new Labels.Label("TUR", "AZE", "2020-09", null, LocalDate.of(2020, 9, 27), null));
  }

  @Test
  void shouldRefuseAnEventDateThatIsNotADay() throws IOException {
    Path file = write("TUR,AZE,2020-08,month-spike,2020-09\n");

    assertThatThrownBy(() -> Labels.read(file))
        .hasMessage(file + " line 1: bad eventDate '2020-09' (expected YYYY-MM-DD)");
  }

  @Test
  void shouldRefuseACategoryNoFigureCanHave() throws IOException {
    Path file = write("TUR,AZE,2020-08,,2020-09-27,#arms\n");

    assertThatThrownBy(() -> Labels.read(file))
        .hasMessageStartingWith(file + " line 1: bad category '#arms'");
  }

  @Test
  void shouldMatchOnlyTheLabelledCategory() {
    Labels labels =
        new Labels(
            List.of(new Labels.Label("TUR", "AZE", "2020-08", null, null, "defence-aerospace")));

    assertThat(labels.score(List.of(spike("total", "2020-08", AUG_02))).found()).isZero();
    assertThat(labels.score(List.of(spike("defence-aerospace", "2020-08", AUG_02))).found())
        .isOne();
  }

  @Test
  void shouldScoreEachRuleAgainstTheLabelsItCouldFind() {
    Labels labels =
        new Labels(
            List.of(
                new Labels.Label("TUR", "AZE", "2020-08", "month-spike"),
                new Labels.Label("TUR", "AZE", "2020-09", null),
                new Labels.Label("TUR", "AZE", "2020-10", "month-threshold")));
    List<Alert> alerts =
        List.of(
            spike("total", "2020-08", AUG_02),
            spike("total", "2020-11", AUG_02),
            threshold("2020-09"));

    Map<String, Labels.Score> byRule = labels.scoreByRule(alerts);

    assertThat(byRule.get("month-spike")).isEqualTo(new Labels.Score(2, 2, 1, 1));
    assertThat(byRule.get("month-threshold")).isEqualTo(new Labels.Score(2, 1, 1, 1));
    assertThat(byRule.get("ytd-ratio")).isEqualTo(new Labels.Score(1, 0, 0, 0));
  }

  @Test
  void shouldGiveTheLeadTimeFromTheEarliestFirstFiringOfAMatchingActiveAlert() {
    Labels labels =
        new Labels(
            List.of(
                new Labels.Label("TUR", "AZE", "2020-08", null, LocalDate.of(2020, 9, 27), null),
                new Labels.Label("TUR", "AZE", "2020-12", null, LocalDate.of(2020, 9, 27), null),
                new Labels.Label("TUR", "AZE", "2020-11", null, null, null)));
    Alert late = spike("other", "2020-08", Instant.parse("2020-09-20T23:59:00Z"));

    List<Labels.LeadTime> leads =
        labels.leadTimes(
            List.of(late, spike("total", "2020-08", AUG_02), spike("total", "2020-11", AUG_02)));

    assertThat(leads).singleElement().extracting(Labels.LeadTime::days).isEqualTo(56L);
  }

  private static final Instant AUG_02 = Instant.parse("2020-08-02T10:00:00Z");

  private static Alert spike(String category, String period, Instant firstFiredAsOf) {
    return alert(MonthSpike.RULE, category, period, firstFiredAsOf);
  }

  private static Alert threshold(String period) {
    return alert(MonthThreshold.RULE, "total", period, AUG_02);
  }

  private static Alert alert(Rule<?> rule, String category, String period, Instant firstFired) {
    return new Alert(
        new SeriesKey("TUR", "AZE", category, "TUR"),
        rule,
        YearMonth.parse(period),
        AlertStatus.FIRING,
        Severity.HIGH,
        100,
        10,
        null,
        firstFired,
        1,
        firstFired,
        firstFired,
        List.of(),
        "method");
  }
}
