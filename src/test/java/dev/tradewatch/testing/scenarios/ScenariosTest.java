package dev.tradewatch.testing.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tradewatch.config.SettingsLoader;
import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.Figure;
import dev.tradewatch.domain.figures.FigureValidator;
import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.figures.Validation;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Rules;
import dev.tradewatch.isolated.Labels;
import dev.tradewatch.stream.FigureParser;
import dev.tradewatch.testing.scenarios.Scenario.Control;
import dev.tradewatch.testing.scenarios.Scenario.Label;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenariosTest {

  private static final Instant CLOCK = Instant.parse("2026-11-27T23:10:00Z");
  private static final long SEED = 20_200_927L;
  private static final Scenario SCENARIO = Scenarios.generate(SEED);
  private static final List<Figure> FIGURES = parse(SCENARIO);

  /** A flow and a month, as both reporters of it name it. */
  private record FlowMonth(String exporter, String importer, String category, YearMonth period) {
    static FlowMonth of(Figure figure) {
      SeriesKey series = figure.series();
      return new FlowMonth(
          series.exporter(), series.importer(), series.category(), figure.period());
    }

    static FlowMonth of(Label label) {
      return new FlowMonth(label.exporter(), label.importer(), label.category(), label.period());
    }
  }

  @Test
  void shouldGiveTheSameScenarioForTheSameSeedAndAnotherForAnotherSeed() {
    assertThat(Scenarios.generate(SEED)).isEqualTo(SCENARIO);
    assertThat(Scenarios.generate(SEED + 1).figures()).isNotEqualTo(SCENARIO.figures());
  }

  @Test
  void shouldListFiguresInPublicationOrderEndingAtNow() {
    assertThat(FIGURES).isSortedAccordingTo(Comparator.comparing(Figure::publishedAt));
    assertThat(FIGURES.get(FIGURES.size() - 1).publishedAt()).isEqualTo(SCENARIO.now());
    assertThat(SCENARIO.now()).isBetween(Instant.parse("2025-03-01T00:00:00Z"), cutoff());
    assertThat(FIGURES).hasSizeGreaterThan(10_000);
  }

  @Test
  void shouldWriteOnlyFiguresTheProjectAccepts() {
    // parse() fails on the first figure FigureParser and FigureValidator would dead-letter
    assertThat(FIGURES).hasSameSizeAs(SCENARIO.figures());
  }

  @Test
  void shouldSpreadLevelsLikeTradeAndKeepEveryUnlabelledMonthUnderTheThreshold() {
    Set<FlowMonth> thresholdLabels =
        SCENARIO.labels("month-threshold").stream().map(FlowMonth::of).collect(Collectors.toSet());
    List<Figure> months = FIGURES.stream().filter(f -> f.basis() == Basis.MONTH).toList();

    assertThat(months).anyMatch(f -> f.valueCents() < 50_000_00L);
    assertThat(months).anyMatch(f -> f.valueCents() > 20_000_000_00L);
    assertThat(months)
        .filteredOn(f -> f.valueCents() >= 50_000_000_00L)
        .isNotEmpty()
        .allMatch(f -> thresholdLabels.contains(FlowMonth.of(f)));
  }

  @Test
  void shouldMirrorManyFlowsAFewPercentAboveTheExportSide() {
    Map<FlowMonth, Long> exported = new HashMap<>();
    Map<FlowMonth, Long> imported = new HashMap<>();
    for (Figure figure : FIGURES) { // the last publication of each wins, as in the monitor
      if (figure.basis() == Basis.MONTH) {
        boolean mirror = !figure.series().reporter().equals(figure.series().exporter());
        (mirror ? imported : exported).put(FlowMonth.of(figure), figure.valueCents());
      }
    }
    List<Double> ratios = new ArrayList<>();
    exported.forEach(
        (month, usd) -> {
          Long mirror = imported.get(month);
          if (mirror != null && usd > 0) {
            ratios.add((double) mirror / usd);
          }
        });
    ratios.sort(Comparator.naturalOrder());
    long flowsWithBoth =
        FIGURES.stream()
            .collect(Collectors.groupingBy(f -> flowOf(f.series()), Collectors.toSet()))
            .values()
            .stream()
            .filter(
                figures -> figures.stream().map(f -> f.series().reporter()).distinct().count() == 2)
            .count();

    assertThat(flowsWithBoth).isGreaterThan(60);
    assertThat(ratios).hasSizeGreaterThan(1_000);
    assertThat(ratios.get(ratios.size() / 2)).isBetween(1.02, 1.10);
    // independent noise of about ±10 % on each side; the planted 1.6× and 4× gaps lie outside
    assertThat(ratios.stream().filter(r -> r >= 0.8 && r <= 1.4).count())
        .isGreaterThan(Math.round(ratios.size() * 0.95));
  }

  @Test
  void shouldMixMonthlyYtdAndQuarterlyReporters() {
    Map<String, Set<String>> shapes = new TreeMap<>(); // reporter → "month@7", "ytd@3", …
    for (Figure figure : FIGURES) {
      shapes
          .computeIfAbsent(figure.series().reporter(), r -> new TreeSet<>())
          .add(figure.basis().wireName() + "@" + figure.period().getMonthValue());
    }
    Set<String> allMonths = new TreeSet<>();
    Set<String> quarters = Set.of("ytd@3", "ytd@6", "ytd@9", "ytd@12");
    for (int m = 1; m <= 12; m++) {
      allMonths.add("month@" + m);
    }

    assertThat(shapes.values()).as("only months").anyMatch(s -> s.equals(allMonths));
    assertThat(shapes.values())
        .as("months and ytd")
        .anyMatch(s -> s.containsAll(allMonths) && s.size() == 24);
    assertThat(shapes.values())
        .as("ytd every month only")
        .anyMatch(s -> s.size() == 12 && s.stream().allMatch(b -> b.startsWith("ytd@")));
    assertThat(shapes.values()).as("quarterly ytd").anyMatch(s -> s.equals(quarters));
  }

  @Test
  void shouldReviseAShareOfFiguresLaterWithAnotherValue() {
    Map<String, List<Figure>> byIdentity =
        FIGURES.stream()
            .collect(
                Collectors.groupingBy(f -> f.series().id() + "/" + f.id(), Collectors.toList()));
    List<List<Figure>> revised = byIdentity.values().stream().filter(l -> l.size() > 1).toList();

    assertThat(revised).hasSizeGreaterThan(byIdentity.size() / 50);
    assertThat(revised)
        .allMatch(
            l ->
                l.get(1).publishedAt().isAfter(l.get(0).publishedAt())
                    && l.get(1).valueCents() != l.get(0).valueCents());
  }

  @Test
  void shouldPublishEachReporterAStableDelayAfterThePeriod() {
    Map<String, Map<YearMonth, Instant>> firstRelease = new TreeMap<>();
    for (Figure figure : FIGURES) {
      firstRelease
          .computeIfAbsent(figure.series().reporter(), r -> new TreeMap<>())
          .merge(figure.period(), figure.publishedAt(), (a, b) -> a.isBefore(b) ? a : b);
    }
    firstRelease.forEach(
        (reporter, releases) -> {
          List<Long> days =
              releases.entrySet().stream()
                  .map(e -> Duration.between(endOf(e.getKey()), e.getValue()).toDays())
                  .toList();
          assertThat(days).as(reporter).allMatch(d -> d >= 30 && d <= 80);
          assertThat(
                  days.stream().mapToLong(d -> d).max().orElseThrow()
                      - days.stream().mapToLong(d -> d).min().orElseThrow())
              .as(reporter + " jitter")
              .isLessThanOrEqualTo(4);
        });
    assertThat(firstRelease).hasSizeGreaterThan(40);
  }

  @Test
  void shouldLabelEveryRuleAndPlantControlsForEach() {
    assertThat(SCENARIO.labelledRules()).isEqualTo(new TreeSet<>(Scenario.RULES));
    assertThat(SCENARIO.controls().stream().flatMap(c -> c.rules().stream()).distinct())
        .containsExactlyInAnyOrderElementsOf(Scenario.RULES);
    assertThat(SCENARIO.controls())
        .extracting(Control::kind)
        .containsOnly(
            "large-steady",
            "spike-under-floor",
            "spike-revised-away",
            "gap-under-ratio",
            "gap-under-floor",
            "zero-side-under-floor",
            "noisy-small-partner",
            "sparse-partner",
            "ytd-under-ratio",
            "ytd-under-floor",
            "quarter-not-due",
            "late-within-grace");
  }

  @Test
  void shouldHaveTheFiguresBehindEveryLabel() {
    Map<FlowMonth, List<Figure>> byFlowMonth =
        FIGURES.stream().collect(Collectors.groupingBy(FlowMonth::of));
    for (Label label : SCENARIO.labels()) {
      if (label.rule().equals("source-silent")) {
        assertSilent(label);
        continue;
      }
      List<Figure> figures = byFlowMonth.getOrDefault(FlowMonth.of(label), List.of());
      assertThat(figures).as(label.toString()).isNotEmpty();
      assertThat(label.eventDate())
          .as(label.toString())
          .isEqualTo(
              figures.stream()
                  .map(f -> f.publishedAt().atZone(ZoneOffset.UTC).toLocalDate())
                  .filter(d -> !d.isBefore(label.eventDate()))
                  .min(Comparator.naturalOrder())
                  .orElseThrow());
      if (label.rule().equals("ytd-ratio")) {
        assertThat(figures).anyMatch(f -> f.basis() == Basis.YTD);
      }
      if (label.rule().equals("mirror-gap")) {
        assertThat(figures.stream().map(f -> f.series().reporter()))
            .contains(label.exporter(), label.importer());
      }
    }
  }

  /** The reporter published the category for months, then nothing for well over the grace. */
  private static void assertSilent(Label label) {
    List<Figure> figures =
        FIGURES.stream()
            .filter(f -> f.series().reporter().equals(label.exporter()))
            .filter(f -> f.series().category().equals(label.category()))
            .toList();
    YearMonth latest = figures.stream().map(Figure::period).max(Comparator.naturalOrder()).get();

    assertThat(figures.stream().map(Figure::period).distinct().count()).isGreaterThan(12);
    assertThat(endOf(latest.plusMonths(1)).plus(Duration.ofDays(75 + 60 + 30)))
        .isBefore(SCENARIO.now());
    assertThat(FIGURES)
        .as("the reporter keeps publishing other categories")
        .anyMatch(
            f ->
                f.series().reporter().equals(label.exporter())
                    && f.publishedAt().isAfter(SCENARIO.now().minus(Duration.ofDays(100))));
  }

  @Test
  void shouldWriteLabelsOfTheRulesTheBacktestKnowsInItsCsv(@TempDir Path dir) throws IOException {
    Set<String> known = Rules.ALL.stream().map(Rule::name).collect(Collectors.toSet());
    Path file = dir.resolve("labels.csv");
    Files.writeString(
        file, SCENARIO.labelsCsv(l -> known.contains(l.rule())), StandardCharsets.UTF_8);

    List<Labels.Label> read = Labels.read(file).labels();

    assertThat(read)
        .hasSize((int) SCENARIO.labels().stream().filter(l -> known.contains(l.rule())).count());
    assertThat(read)
        .allMatch(l -> l.rule() != null && l.eventDate() != null && l.category() != null);
  }

  @Test
  void shouldRefuseTooFewYears() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Scenarios.Options(10, 2022, 2, 1, 0.5, 0.05));
  }

  private static String flowOf(SeriesKey series) {
    return series.exporter() + "-" + series.importer() + "-" + series.category();
  }

  private static Instant endOf(YearMonth period) {
    return period.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static Instant cutoff() {
    return Instant.parse("2025-03-11T00:00:00Z");
  }

  /** Every figure through the project's own parser and validator; fails on any it refuses. */
  static List<Figure> parse(Scenario scenario) {
    FigureParser parser =
        new FigureParser(
            new FigureValidator(Clock.fixed(CLOCK, ZoneOffset.UTC)),
            SettingsLoader.defaults().maxRecordBytes());
    List<Figure> figures = new ArrayList<>(scenario.figures().size());
    for (String line : scenario.figures()) {
      Validation validation = parser.parse(line.getBytes(StandardCharsets.UTF_8), CLOCK);
      if (!validation.isAccepted()) {
        throw new AssertionError(validation.rejection() + ": " + line);
      }
      figures.add(validation.figure());
    }
    return figures;
  }
}
