package dev.tradewatch.domain.rules;

/**
 * How rule keys are spelled in the configuration, so that a bad value is named by the key it was
 * set under: {@code <prefix><rule>.<key>} globally, {@code
 * <prefix><rule>.overrides.<selector>.<key>} for a selector.
 *
 * @param prefix e.g. {@code tradewatch.rules.}
 */
public record KeyNames(String prefix) {

  /** The word between a rule's name and a selector in an override key. */
  private static final String OVERRIDES = "overrides";

  /** E.g. {@code tradewatch.rules.ytd-ratio.ratio}. */
  public String global(Rule<?> rule, String key) {
    return prefix + rule.name() + "." + key;
  }

  /** E.g. {@code tradewatch.rules.ytd-ratio.overrides.TUR-*-93.ratio}. */
  public String override(Rule<?> rule, String selector, String key) {
    return prefix + rule.name() + "." + OVERRIDES + "." + selector + "." + key;
  }
}
