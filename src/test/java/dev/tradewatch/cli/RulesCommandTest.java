package dev.tradewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.Main;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code rules set} and {@code unset} check their arguments before they talk to a cluster: a bad
 * one is exit 2 with one line. No broker here: an argument that passed would try to reach one and
 * end with exit 1 instead.
 */
class RulesCommandTest {

  private static final String NL = System.lineSeparator();

  private static CommandITSupport.Outcome rules(String... args) {
    List<String> all = new ArrayList<>(List.of("rules"));
    all.addAll(List.of(args));
    all.addAll(
        List.of(
            "--bootstrap-servers",
            "127.0.0.1:1", // nothing listens there
            "--set",
            "tradewatch.startup-timeout-seconds=1"));
    return CommandITSupport.execute(all.toArray(String[]::new));
  }

  @Test
  void shouldExitTwoWhenAPairHasNoEqualsSign() {
    CommandITSupport.Outcome set =
        rules("set", "tradewatch.rules.month-spike.factor=8", "tradewatch.rules.ytd-ratio.ratio");

    assertThat(set.exitCode()).isEqualTo(Main.USAGE);
    assertThat(set.err())
        .isEqualTo("tradewatch: expected KEY=VALUE, found tradewatch.rules.ytd-ratio.ratio" + NL);
  }

  @Test
  void shouldExitTwoForAnUnknownRuleKey() {
    CommandITSupport.Outcome set = rules("set", "tradewatch.rules.no-such-rule.factor=8");

    assertThat(set.exitCode()).isEqualTo(Main.USAGE);
    assertThat(set.err())
        .isEqualTo("tradewatch: unknown rule key tradewatch.rules.no-such-rule.factor" + NL);
  }

  @Test
  void shouldExitTwoForASettingThatIsNotARule() {
    CommandITSupport.Outcome set = rules("set", "tradewatch.bootstrap-servers=elsewhere:9092");

    assertThat(set.exitCode()).isEqualTo(Main.USAGE);
    assertThat(set.err())
        .isEqualTo("tradewatch: unknown rule key tradewatch.bootstrap-servers" + NL);
  }

  @Test
  void shouldExitTwoNamingTheKeyForABadValueEvenAfterGoodPairs() {
    CommandITSupport.Outcome set =
        rules(
            "set", "tradewatch.rules.ytd-ratio.ratio=6", "tradewatch.rules.month-spike.factor=-3");

    assertThat(set.exitCode()).isEqualTo(Main.USAGE);
    assertThat(set.err())
        .isEqualTo(
            "tradewatch: tradewatch.rules.month-spike.factor: expected a number > 1, found -3"
                + NL);
    assertThat(set.out()).isEmpty();
  }

  @Test
  void shouldExitTwoWhenUnsettingAKeyThatIsNotARuleKey() {
    CommandITSupport.Outcome unset =
        rules("unset", "tradewatch.rules.month-spike.factor", "tradewatch.topics.input");

    assertThat(unset.exitCode()).isEqualTo(Main.USAGE);
    assertThat(unset.err())
        .isEqualTo("tradewatch: tradewatch.topics.input: not a rule key (tradewatch.rules.…)" + NL);
  }

  @Test
  void shouldExitTwoWithoutASubcommand() {
    CommandITSupport.Outcome none = CommandITSupport.execute("rules");

    assertThat(none.exitCode()).isEqualTo(Main.USAGE);
    assertThat(none.err())
        .isEqualTo(
            "tradewatch: a subcommand is required (list, set, unset) (see: tradewatch rules --help)"
                + NL);
  }

  @Test
  void shouldExitOneWithOneLineWithinTheStartupTimeoutWhenTheClusterCannotBeReached() {
    CommandITSupport.Outcome list = rules("list");

    assertThat(list.exitCode()).isEqualTo(Main.FAILURE);
    assertThat(list.err())
        .isEqualTo("tradewatch: cannot reach Kafka at 127.0.0.1:1 within 1 s" + NL);
  }
}
