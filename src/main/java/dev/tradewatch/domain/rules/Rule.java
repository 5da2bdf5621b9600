package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.figures.SeriesKey;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A detection rule, whole: its name, its configuration keys with their defaults, how its settings
 * are read, how it evaluates a series' ledgers, and how its findings read. Each rule is one class,
 * listed once in {@link Rules#ALL}.
 *
 * @param <S> the rule's own settings
 */
public sealed interface Rule<S extends Rule.Settings> permits SeriesRule, FlowRule, SourceRule {

  /** The key every rule has: whether it is evaluated at all. */
  String ENABLED = "enabled";

  /**
   * The stable kebab-case name, e.g. {@code month-threshold}: part of alert ids, configuration
   * keys, the state store and the {@code rule} tag of metrics, so it never changes.
   */
  String name();

  /**
   * This rule's keys (after {@code tradewatch.rules.<name>.}) with their defaults as configured
   * text, in documentation order: {@value #ENABLED}, its scope keys, then its own.
   */
  Map<String, String> defaults();

  /** The scope keys this rule has, e.g. {@link ScopeKey#FLOW}; each is one of its keys. */
  List<ScopeKey> scopeKeys();

  /** Reads and validates this rule's settings; a bad value fails naming the key it came from. */
  S parse(SettingValues values);

  /**
   * How many calendar years before its period an evaluation can look (0: its own year only; 1: last
   * year's ytd or a 12-month baseline; 2: a 24-month look-back). A figure of year Y can change this
   * rule's evaluations of Y to Y + {@code yearsBack()} and no others.
   */
  int yearsBack();

  /**
   * What a firing alert says, after its subject: {@code $77.1M in one month, at or above the $50.0M
   * threshold}.
   */
  String message(Finding finding);

  /**
   * What a resolved alert says after "{@code <rule> no longer fires: }", with the numbers as they
   * now stand: {@code $40.0M, below the $50.0M threshold}. When the rule can no longer be evaluated
   * for the period (its value or baseline is no longer known, or it was disabled), the numbers are
   * the last that fired, and the words should read well with those too.
   */
  String resolvedMessage(Finding finding);

  /**
   * The ratio an alert shows for these numbers, to three decimals: observed ÷ baseline (null when
   * the baseline is zero) unless the rule says otherwise.
   */
  default BigDecimal ratio(long observedCents, long baselineCents) {
    return baselineCents == 0
        ? null
        : BigDecimal.valueOf(observedCents)
            .divide(BigDecimal.valueOf(baselineCents), 3, RoundingMode.HALF_EVEN);
  }

  /** The numbers of a one-line summary for terminals: {@code $77.1M ≥ $50.0M}. */
  String numbers(Finding finding);

  /**
   * The severities this rule can give, its ladder: meters by rule and severity exist only for
   * these, so dashboards list no series that can never move.
   */
  Set<Severity> severities();

  /** What the settings of every rule have. */
  interface Settings {

    /** Whether the rule is evaluated at all. */
    boolean enabled();

    /** Which series the rule is evaluated for. */
    Scope scope();

    /** Whether the rule is evaluated for {@code series}: enabled, and the series in its scope. */
    default boolean appliesTo(SeriesKey series) {
      return enabled() && scope().includes(series);
    }
  }
}
