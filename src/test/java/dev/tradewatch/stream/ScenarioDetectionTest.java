package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Rules;
import dev.tradewatch.isolated.Labels;
import dev.tradewatch.testing.scenarios.Scenario;
import dev.tradewatch.testing.scenarios.Scenario.Control;
import dev.tradewatch.testing.scenarios.Scenario.Label;
import dev.tradewatch.testing.scenarios.Scenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Generated scenarios (realistic feeds with planted, labelled events and quiet controls) through
 * the real topology: the default rules raise exactly the planted events of their rule, and nothing
 * on the controls or the ordinary flows.
 */
class ScenarioDetectionTest {

  /**
   * Rules the scenarios plant and label, but the code does not have yet: their labels are skipped.
   * Adding one of them to {@link Rules#ALL} means removing it here (the test below insists), and
   * then its labels are checked like the others'. For {@code source-silent}, also judge at the
   * scenario's {@code now} ({@code tradewatch.rules.source-silent.as-of}) and match its alerts by
   * reporter and category ({@link Event#of(Alert)}): its labels have no importer and no period.
   */
  private static final Set<String> NOT_YET_IMPLEMENTED = Set.of();

  /** What a label and an alert are matched on: the labels CSV's columns, without the reporter. */
  record Event(String rule, String exporter, String importer, YearMonth period, String category) {

    static Event of(Label label) {
      return new Event(
          label.rule(), label.exporter(), label.importer(), label.period(), label.category());
    }

    static Event of(Alert alert) {
      if (alert.series().isSource()) { // as its label has it: the reporter, no importer or period
        return new Event(
            alert.rule().name(), alert.series().reporter(), null, null, alert.series().category());
      }
      return new Event(
          alert.rule().name(),
          alert.series().exporter(),
          alert.series().importer(),
          alert.period(),
          alert.series().category());
    }
  }

  @Test
  void shouldCheckEveryRuleTheCodeHasAndKnowWhichItLacks() {
    Set<String> implemented = Rules.ALL.stream().map(Rule::name).collect(Collectors.toSet());

    assertThat(NOT_YET_IMPLEMENTED)
        .as("rules in Rules.ALL now: remove them from NOT_YET_IMPLEMENTED")
        .doesNotContainAnyElementsOf(implemented);
    assertThat(Scenario.RULES).containsAll(NOT_YET_IMPLEMENTED);
  }

  @Property(tries = 5)
  void shouldRaiseExactlyThePlantedEventsOfEveryImplementedRule(
      @ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) throws IOException {
    Scenario scenario = Scenarios.generate(seed);
    Map<String, Alert> latest;
    try (TopologyFixture fixture = TopologyFixture.withRules(judgedAtTheEnd(scenario))) {
      scenario.figures().forEach(fixture::send);
      fixture.endOfInput();
      assertThat(fixture.deadLetters.isEmpty()).as("dead letters").isTrue();
      latest = TopologyFixture.latest(fixture.readAlerts());
    }
    Set<Event> raised =
        latest.values().stream()
            .filter(alert -> alert.status().isActive())
            .map(Event::of)
            .collect(Collectors.toSet());

    for (Rule<?> rule : Rules.ALL) {
      Set<Event> planted =
          eventsOf(rule.name(), scenario.labels().stream().map(Event::of).toList());
      Set<Event> alerted = eventsOf(rule.name(), raised);
      Set<Event> caught = new TreeSet<>(Comparator.comparing(Event::toString));
      caught.addAll(planted);
      caught.retainAll(alerted);
      Set<Event> falsePositives = new TreeSet<>(Comparator.comparing(Event::toString));
      falsePositives.addAll(alerted);
      falsePositives.removeAll(planted);
      System.out.printf(
          "seed %d, %s: planted %d, caught %d, false positives %d%s%n",
          seed,
          rule.name(),
          planted.size(),
          caught.size(),
          falsePositives.size(),
          falsePositives.isEmpty() ? "" : " " + falsePositives);

      assertThat(alerted).as(rule.name() + ", seed " + seed).isEqualTo(planted);
    }
    assertThat(controls(scenario, "spike-revised-away"))
        .allSatisfy(
            control ->
                assertThat(alertsOn(control, latest.values()))
                    .as("the spike fired, then resolved with its revision")
                    .anyMatch(a -> a.rule().name().equals("month-spike"))
                    .noneMatch(a -> a.status().isActive()));
    assertBacktestScore(scenario, latest.values());
  }

  /** Sources judged at the scenario's "now", its latest publication, as a backtest judges them. */
  private static Map<String, String> judgedAtTheEnd(Scenario scenario) {
    return Map.of(TopologyFixture.SOURCES_AS_OF, scenario.now().toString());
  }

  /**
   * The controls are near misses, not flows no rule could ever see: loosen the setting each one
   * stays under and it fires.
   */
  @Test
  void shouldFireOnTheControlsOnceTheSettingTheyStayUnderIsLoosened() {
    Scenario scenario =
        Scenarios.generate(7, Scenarios.Options.defaults().withFlows(10).withEventsPerRule(1));
    Map<String, String> loosened =
        Map.of(
            "tradewatch.rules.month-threshold.threshold-usd", "30000000",
            "tradewatch.rules.month-spike.floor-usd", "1000000",
            "tradewatch.rules.ytd-ratio.ratio", "3.5",
            "tradewatch.rules.ytd-ratio.floor-usd", "1000000");
    Collection<Alert> alerts;
    try (TopologyFixture fixture = TopologyFixture.withRules(loosened)) {
      scenario.figures().forEach(fixture::send);
      alerts = TopologyFixture.latest(fixture.readAlerts()).values();
    }

    Map<String, String> ruleByControl =
        Map.of(
            "large-steady", "month-threshold",
            "spike-under-floor", "month-spike",
            "noisy-small-partner", "month-spike",
            "sparse-partner", "month-spike",
            "ytd-under-ratio", "ytd-ratio",
            "ytd-under-floor", "ytd-ratio");
    ruleByControl.forEach(
        (kind, rule) ->
            assertThat(controls(scenario, kind))
                .isNotEmpty()
                .allSatisfy(
                    control ->
                        assertThat(alertsOn(control, alerts))
                            .as(kind)
                            .anyMatch(a -> a.rule().name().equals(rule) && a.status().isActive())));
  }

  private static List<Control> controls(Scenario scenario, String kind) {
    return scenario.controls().stream().filter(c -> c.kind().equals(kind)).toList();
  }

  private static List<Alert> alertsOn(Control control, Collection<Alert> alerts) {
    return alerts.stream()
        .filter(a -> a.series().exporter().equals(control.exporter()))
        .filter(a -> a.series().importer().equals(control.importer()))
        .filter(a -> a.series().category().equals(control.category()))
        .toList();
  }

  /** The backtest's own scoring, from the labels CSV: precision and recall 1 for every rule. */
  private static void assertBacktestScore(Scenario scenario, Collection<Alert> alerts)
      throws IOException {
    Path file = Files.createTempFile("scenario-labels", ".csv");
    try {
      Files.writeString(
          file,
          scenario.labelsCsv(label -> !NOT_YET_IMPLEMENTED.contains(label.rule())),
          StandardCharsets.UTF_8);
      Map<String, Labels.Score> scores = Labels.read(file).scoreByRule(alerts);
      assertThat(scores.values())
          .allSatisfy(
              score -> {
                assertThat(score.precision()).isEqualTo(1.0);
                assertThat(score.recall()).isEqualTo(1.0);
              });
    } finally {
      Files.delete(file);
    }
  }

  private static Set<Event> eventsOf(String rule, Collection<Event> events) {
    return events.stream().filter(e -> e.rule().equals(rule)).collect(Collectors.toSet());
  }
}
