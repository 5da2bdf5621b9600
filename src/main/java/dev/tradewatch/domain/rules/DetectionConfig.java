package dev.tradewatch.domain.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The rules' settings for every flow (exporter → importer of a category): the global settings, and
 * overrides under {@link Selector selectors}. For each rule key, a flow gets the value of the most
 * specific matching selector that sets that key ({@link Selector#MOST_SPECIFIC_FIRST}), else the
 * global value. Immutable; resolved settings are cached, as this is looked up for every figure.
 */
public final class DetectionConfig {

  private static final DetectionConfig DEFAULTS = read(new KeyNames(""), Map.of(), Set.of());

  private final KeyNames names;
  private final Map<String, String> values;
  private final RuleSettings global;
  private final Set<Selector> selectors;

  /** Selectors by their exporter ({@value Scope#ALL} for any): a flow looks at two lists. */
  private final Map<String, List<Selector>> selectorsByExporter = new HashMap<>();

  /** Settings by the selectors a flow matches, most specific first; bounded by the config. */
  private final ConcurrentMap<List<Selector>, RuleSettings> resolved = new ConcurrentHashMap<>();

  private DetectionConfig(KeyNames names, Map<String, String> values, Set<Selector> selectors) {
    this.names = names;
    this.values = values;
    this.selectors = selectors;
    this.global = resolve(List.of());
    for (Selector selector : selectors) {
      selectorsByExporter
          .computeIfAbsent(selector.exporter(), e -> new ArrayList<>())
          .add(selector);
    }
  }

  /** Every rule with its defaults, everywhere. */
  public static DetectionConfig defaults() {
    return DEFAULTS;
  }

  /**
   * Reads and validates the rules' settings.
   *
   * @param names how the keys in {@code values} are spelled
   * @param values configured text by full key (keys of other settings are ignored); a rule key not
   *     given takes the rule's default
   * @param selectors the selectors with overrides in {@code values}
   * @throws InvalidSettingException naming the first bad key, selectors in text order
   */
  public static DetectionConfig read(
      KeyNames names, Map<String, String> values, Collection<Selector> selectors) {
    Map<String, String> ruleValues = new HashMap<>();
    for (Rule<?> rule : Rules.ALL) {
      rule.defaults().forEach((key, value) -> ruleValues.put(names.global(rule, key), value));
    }
    values.forEach(
        (key, value) -> {
          if (key.startsWith(names.prefix())) {
            ruleValues.put(key, value);
          }
        });
    DetectionConfig config =
        new DetectionConfig(names, Map.copyOf(ruleValues), Set.copyOf(selectors));
    // every override text is parsed here, so a bad one fails at start-up and not at a figure
    // (rules validate each key on its own, so any combination of valid keys is valid)
    for (Selector selector : config.selectorsInTextOrder()) {
      config.resolved.put(List.of(selector), config.resolve(List.of(selector)));
    }
    return config;
  }

  /** The settings of a flow that no selector matches. */
  public RuleSettings global() {
    return global;
  }

  /** The selectors with overrides. */
  public Set<Selector> selectors() {
    return selectors;
  }

  /** The settings for the flow {@code exporter} → {@code importer} of {@code category}. */
  public RuleSettings forFlow(String exporter, String importer, String category) {
    if (selectors.isEmpty()) {
      return global;
    }
    List<Selector> matching = new ArrayList<>(2);
    addMatching(selectorsByExporter.get(exporter), exporter, importer, category, matching);
    addMatching(selectorsByExporter.get(Scope.ALL), exporter, importer, category, matching);
    if (matching.isEmpty()) {
      return global;
    }
    matching.sort(Selector.MOST_SPECIFIC_FIRST);
    return resolved.computeIfAbsent(matching, this::resolve);
  }

  private static void addMatching(
      List<Selector> candidates,
      String exporter,
      String importer,
      String category,
      List<Selector> matching) {
    if (candidates != null) {
      for (Selector selector : candidates) {
        if (selector.matches(exporter, importer, category)) {
          matching.add(selector);
        }
      }
    }
  }

  /** Every rule's settings, each key from the first of {@code mostSpecificFirst} that sets it. */
  private RuleSettings resolve(List<Selector> mostSpecificFirst) {
    return RuleSettings.read(
        rule -> new SettingValues(key -> supplier(rule, key, mostSpecificFirst), values));
  }

  /** The full key whose value {@code key} of {@code rule} takes. */
  private String supplier(Rule<?> rule, String key, List<Selector> mostSpecificFirst) {
    for (Selector selector : mostSpecificFirst) {
      String override = names.override(rule, selector.toString(), key);
      if (values.containsKey(override)) {
        return override;
      }
    }
    return names.global(rule, key);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DetectionConfig that
        && names.equals(that.names)
        && values.equals(that.values)
        && selectors.equals(that.selectors);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "DetectionConfig[global=" + global + ", selectors=" + selectorsInTextOrder() + "]";
  }

  private List<Selector> selectorsInTextOrder() {
    return selectors.stream().sorted(Comparator.comparing(Selector::toString)).toList();
  }
}
