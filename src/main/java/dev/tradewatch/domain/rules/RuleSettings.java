package dev.tradewatch.domain.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The effective settings of every rule for one flow (exporter, importer, category): one value per
 * rule of {@link Rules#ALL}, each of the rule's own type.
 */
public final class RuleSettings {

  private static final RuleSettings DEFAULTS =
      read(rule -> new SettingValues(key -> key, rule.defaults()));

  /** Always holds every rule, each with a value of its own settings type (see {@link #with}). */
  private final Map<Rule<?>, Rule.Settings> byRule;

  private RuleSettings(Map<Rule<?>, Rule.Settings> byRule) {
    this.byRule = Map.copyOf(byRule);
  }

  /** Every rule with the defaults of its keys (the contract's). */
  public static RuleSettings defaults() {
    return DEFAULTS;
  }

  /**
   * Every rule's settings, each parsed by the rule from {@code valuesOf} it.
   *
   * @throws InvalidSettingException naming the first key with a bad value, rules in registry order
   */
  public static RuleSettings read(Function<Rule<?>, SettingValues> valuesOf) {
    Map<Rule<?>, Rule.Settings> byRule = new HashMap<>();
    for (Rule<?> rule : Rules.ALL) {
      byRule.put(rule, rule.parse(valuesOf.apply(rule)));
    }
    return new RuleSettings(byRule);
  }

  /** The settings of {@code rule}. */
  @SuppressWarnings("unchecked") // safe: every value was put in by its rule's parse or by with()
  public <S extends Rule.Settings> S of(Rule<S> rule) {
    return (S) byRule.get(rule);
  }

  /** These settings with {@code rule}'s replaced. */
  public <S extends Rule.Settings> RuleSettings with(Rule<S> rule, S settings) {
    Map<Rule<?>, Rule.Settings> changed = new HashMap<>(byRule);
    changed.put(rule, settings);
    return new RuleSettings(changed);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RuleSettings that && byRule.equals(that.byRule);
  }

  @Override
  public int hashCode() {
    return byRule.hashCode();
  }

  @Override
  public String toString() {
    return Rules.ALL.stream()
        .map(rule -> rule.name() + "=" + byRule.get(rule))
        .collect(Collectors.joining(", ", "RuleSettings[", "]"));
  }
}
