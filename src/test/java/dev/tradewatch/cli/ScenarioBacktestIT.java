package dev.tradewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Rules;
import dev.tradewatch.testing.scenarios.Scenario;
import dev.tradewatch.testing.scenarios.Scenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated scenario as a user would backtest it: the feed as a JSON-lines file, its labels as
 * the {@code --labels} CSV; the summary's precision and recall are 1 for every rule the code has.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hung broker or client fails the test, not CI
class ScenarioBacktestIT {

  @TempDir Path dir;

  @Test
  void shouldScoreEveryPlantedEventAndNothingElseInTheBacktestSummary() throws IOException {
    Scenario scenario = Scenarios.generate(2020_09_27L);
    // today's labels reader knows only the rules in the registry; the others' labels wait for them
    Set<String> known = Rules.ALL.stream().map(Rule::name).collect(Collectors.toSet());
    Path input = dir.resolve("scenario.jsonl");
    Path labels = dir.resolve("labels.csv");
    Files.writeString(input, scenario.jsonLines(), StandardCharsets.UTF_8);
    Files.writeString(
        labels, scenario.labelsCsv(l -> known.contains(l.rule())), StandardCharsets.UTF_8);
    int labelled = (int) scenario.labels().stream().filter(l -> known.contains(l.rule())).count();

    CommandITSupport.Outcome outcome =
        CommandITSupport.execute(
            "backtest", "--input", input.toString(), "--labels", labels.toString());

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.out())
        .contains(
            String.format(Locale.ROOT, "%,d figures read", scenario.figures().size()),
            ", 0 rejected",
            "against " + labelled + " labels: precision 1.000, recall 1.000",
            "    month-threshold: precision 1.000",
            "    ytd-ratio:       precision 1.000",
            "    month-spike:     precision 1.000")
        .doesNotContain("recall 0.", "precision 0.");
  }
}
