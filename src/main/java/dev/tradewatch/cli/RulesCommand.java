package dev.tradewatch.cli;

import dev.tradewatch.config.ConfigException;
import dev.tradewatch.config.RulesTopicLayer;
import dev.tradewatch.config.Settings;
import dev.tradewatch.lifecycle.RulesTopic;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rules list|set|unset}: the rule settings on the rules topic of a running cluster, which
 * every monitor applies without a restart.
 */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description =
        "List, set and unset rule settings on the rules topic (tradewatch.topics.rules) of a"
            + " running cluster; monitors apply them without a restart.",
    subcommands = {
      RulesCommand.ListRules.class,
      RulesCommand.SetRules.class,
      RulesCommand.UnsetRules.class
    })
public final class RulesCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a subcommand is required (list, set, unset)");
  }

  /** The options every rules subcommand takes: the cluster and the usual settings layers. */
  abstract static class OnTopic {

    @Mixin BootstrapOption bootstrap;

    @Mixin SettingsOptions settingsOptions;

    @Mixin VerboseOption verbose;

    @Spec CommandSpec spec;

    Settings settings() {
      return settingsOptions.load(bootstrap);
    }

    PrintWriter out() {
      return spec.commandLine().getOut();
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "Print the rule settings on the rules topic as KEY=VALUE lines, sorted; a record the"
              + " monitors reject is marked '# rejected: REASON'.")
  static final class ListRules extends OnTopic implements Callable<Integer> {

    @Override
    public Integer call() {
      Settings settings = settings();
      SortedMap<String, String> records = RulesTopic.read(settings);
      if (records.isEmpty()) {
        spec.commandLine()
            .getErr()
            .println(
                "no rules set on topic "
                    + settings.topics().rules()
                    + "; the configured settings apply");
        return ErrorHandler.OK;
      }
      RulesTopicLayer layer = new RulesTopicLayer(settings);
      records.forEach(
          (key, value) ->
              out()
                  .println(
                      key
                          + "="
                          + value
                          + layer.rejection(key, value).map(r -> "  # rejected: " + r).orElse("")));
      out().flush();
      return ErrorHandler.OK;
    }
  }

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description =
          "Write rule settings to the rules topic; every pair is checked first, and nothing is"
              + " written if one is refused.")
  static final class SetRules extends OnTopic implements Callable<Integer> {

    @Parameters(
        arity = "1..*",
        paramLabel = "KEY=VALUE",
        description = "A rule key and its value, e.g. tradewatch.rules.month-spike.factor=8.")
    List<String> pairs;

    @Override
    public Integer call() {
      Settings settings = settings();
      Map<String, String> records = checkedPairs(pairs, new RulesTopicLayer(settings));
      RulesTopic.write(settings, records);
      records.forEach(
          (key, value) -> out().println("set " + key + "=" + value + " on " + topic(settings)));
      out().flush();
      return ErrorHandler.OK;
    }
  }

  @Command(
      name = "unset",
      mixinStandardHelpOptions = true,
      description =
          "Remove rule settings from the rules topic (a tombstone each): the configured value"
              + " applies again.")
  static final class UnsetRules extends OnTopic implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "KEY", description = "A rule key.")
    List<String> keys;

    @Override
    public Integer call() {
      Settings settings = settings();
      Map<String, String> tombstones = new LinkedHashMap<>();
      for (String key : keys) {
        // any rule key, known or not: a bad record written by another client must be removable
        if (!RulesTopicLayer.isRuleKey(key)) {
          throw new ConfigException(key + ": not a rule key (tradewatch.rules.…)");
        }
        tombstones.put(key, null);
      }
      RulesTopic.write(settings, tombstones);
      tombstones.keySet().forEach(key -> out().println("unset " + key + " on " + topic(settings)));
      out().flush();
      return ErrorHandler.OK;
    }
  }

  /**
   * The pairs as records to write, in order (a key given twice keeps its last value), or a
   * configuration error for the first pair the monitors would reject.
   */
  static Map<String, String> checkedPairs(List<String> pairs, RulesTopicLayer layer) {
    Map<String, String> records = new LinkedHashMap<>();
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      if (equals < 1) {
        throw new ConfigException("expected KEY=VALUE, found " + pair);
      }
      String key = pair.substring(0, equals).strip();
      String value = pair.substring(equals + 1).strip();
      Optional<String> rejection = layer.rejection(key, value);
      if (rejection.isPresent()) {
        String reason = rejection.get();
        throw new ConfigException(reason.contains(key) ? reason : key + ": " + reason);
      }
      records.put(key, value);
    }
    return records;
  }

  private static String topic(Settings settings) {
    return settings.topics().rules();
  }
}
