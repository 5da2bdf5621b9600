package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.figures.SeriesKey;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Which series a rule looks at: for each of its scope keys, the values a series' part must be one
 * of. A key that is not listed ({@value #ALL} in the configuration) lets every series through.
 *
 * @param lists the allowed values by scope key; a key absent here allows all
 */
public record Scope(Map<ScopeKey, Set<String>> lists) {

  /** The configured text of a scope key that allows every value, and its default. */
  public static final String ALL = "*";

  /** The scope that lets every series through. */
  public static final Scope EVERYTHING = new Scope(Map.of());

  public Scope {
    Map<ScopeKey, Set<String>> copy = new EnumMap<>(ScopeKey.class);
    lists.forEach((key, values) -> copy.put(key, Set.copyOf(values)));
    lists = Map.copyOf(copy);
  }

  /** Whether {@code series} is one this scope lets through. */
  public boolean includes(SeriesKey series) {
    for (Map.Entry<ScopeKey, Set<String>> list : lists.entrySet()) {
      if (!list.getValue().contains(list.getKey().of(series))) {
        return false;
      }
    }
    return true;
  }
}
