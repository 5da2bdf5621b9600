package dev.tradewatch.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FigureFlowTest {

  private static FigureFlow flow(String json) {
    return FigureFlow.of(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldKeyByExporterImporterAndCategory() {
    FigureFlow flow =
        flow(
            "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"period\":\"2020-09\","
                + "\"category\":\"defence-aerospace\",\"valueUsd\":1}");

    assertThat(flow.key()).isEqualTo("TUR-AZE-defence-aerospace");
    assertThat(flow.hasPublishedAt()).isFalse();
  }

  @Test
  void shouldTrimTheCategoryAndDefaultItToTotal() {
    assertThat(flow("{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"category\":\" 93 \"}").key())
        .isEqualTo("TUR-AZE-93");
    assertThat(flow("{\"exporter\":\"TUR\",\"importer\":\"AZE\"}").key())
        .isEqualTo("TUR-AZE-total");
    assertThat(flow("{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"category\":\"  \"}").key())
        .isEqualTo("TUR-AZE-total");
    assertThat(flow("{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"category\":null}").key())
        .isEqualTo("TUR-AZE-total");
  }

  @Test
  void shouldGiveMirrorFiguresTheFlowOfTheirExporterAndImporter() {
    String mirror = "{\"exporter\":\"TUR\",\"importer\":\"AZE\",\"reporter\":\"AZE\"}";

    assertThat(flow(mirror).key()).isEqualTo("TUR-AZE-total");
  }

  @Test
  void shouldReadAValidPublishedAtAndTellAnInvalidOneFromNone() {
    FigureFlow valid = flow("{\"exporter\":\"A\",\"publishedAt\":\"2020-10-02T00:00:00Z\"}");
    FigureFlow invalid = flow("{\"exporter\":\"A\",\"publishedAt\":\"yesterday\"}");
    FigureFlow nullOne = flow("{\"exporter\":\"A\",\"publishedAt\":null}");
    FigureFlow nested = flow("{\"publishedAt\":{\"at\":1},\"exporter\":\"DEU\"}");

    assertThat(valid.publishedAt()).isEqualTo(Instant.parse("2020-10-02T00:00:00Z"));
    assertThat(valid.hasPublishedAt()).isTrue();
    assertThat(invalid.hasPublishedAt()).isTrue();
    assertThat(invalid.publishedAt()).isNull();
    assertThat(nullOne.hasPublishedAt()).isFalse();
    assertThat(nested.key()).isEqualTo("DEU--total");
  }

  @Test
  void shouldIgnoreNestedFieldsOfTheSameName() {
    FigureFlow flow =
        flow(
            "{\"meta\":{\"exporter\":\"XXX\",\"publishedAt\":\"2001-01-01T00:00:00Z\"},"
                + "\"exporter\":\"DEU\",\"importer\":\"FRA\"}");

    assertThat(flow.key()).isEqualTo("DEU-FRA-total");
    assertThat(flow.hasPublishedAt()).isFalse();
  }

  @Test
  void shouldGiveTextThatIsNotAnObjectAnEmptyFlow() {
    assertThat(flow("not json").key()).isEqualTo("--total");
    assertThat(flow("[1,2]").key()).isEqualTo("--total");
  }
}
