package dev.tradewatch.domain.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The registry: the one place that lists every rule. */
public final class Rules {

  /**
   * Every rule, in a fixed order: alerts of one period are published in this order. Append new
   * rules at the end, so that existing output keeps its order.
   */
  public static final List<Rule<?>> ALL =
      List.of(
          MonthThreshold.RULE,
          YtdRatio.RULE,
          MonthSpike.RULE,
          MirrorGap.RULE,
          DormantPartner.RULE,
          SourceSilent.RULE);

  /**
   * The most years any rule looks back ({@link Rule#yearsBack}): a figure of year Y can change
   * evaluations of Y to Y + this.
   */
  public static final int MAX_YEARS_BACK =
      ALL.stream().mapToInt(Rule::yearsBack).max().orElseThrow();

  /** Rules in the order of {@link #ALL}. */
  public static final Comparator<Rule<?>> ORDER = Comparator.comparingInt(ALL::indexOf);

  private Rules() {}

  public static Optional<Rule<?>> byName(String name) {
    return ALL.stream().filter(rule -> rule.name().equals(name)).findFirst();
  }

  /**
   * The rule called {@code name}.
   *
   * @throws IllegalArgumentException when there is none
   */
  public static Rule<?> named(String name) {
    return byName(name).orElseThrow(() -> new IllegalArgumentException("unknown rule " + name));
  }

  public static Rule<?> first() {
    return ALL.get(0);
  }

  public static Rule<?> last() {
    return ALL.get(ALL.size() - 1);
  }
}
