package dev.tradewatch.isolated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
                + " line 1: unknown rule 'spike' (known: month-threshold, ytd-ratio, month-spike)");
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
        .hasMessage(file + " line 1: expected exporter,importer,period[,rule], found 2 cells");
  }
}
