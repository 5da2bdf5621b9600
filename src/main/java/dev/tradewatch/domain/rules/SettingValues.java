package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.figures.Usd;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The configured text of one rule's keys, read with validation. Each rule key is looked up under
 * the full key that supplies it (the global key, or a per-pair override), and a bad value fails
 * naming that full key.
 */
public final class SettingValues {

  private final UnaryOperator<String> keyOf;
  private final Map<String, String> values;

  /**
   * @param keyOf the full key that supplies a rule key, e.g. {@code ratio} → {@code
   *     tradewatch.rules.ytd-ratio.ratio}
   * @param values configured text by full key
   */
  public SettingValues(UnaryOperator<String> keyOf, Map<String, String> values) {
    this.keyOf = keyOf;
    this.values = values;
  }

  /** {@code true} or {@code false}. */
  public boolean bool(String key) {
    String value = text(key);
    if (!value.equals("true") && !value.equals("false")) {
      throw invalid(key, "true or false");
    }
    return Boolean.parseBoolean(value);
  }

  /**
   * The scope under {@code keys}: each key {@value Scope#ALL} or a comma-separated list of values
   * it accepts (items trimmed; an empty list or item is an error).
   */
  public Scope scope(List<ScopeKey> keys) {
    Map<ScopeKey, Set<String>> lists = new EnumMap<>(ScopeKey.class);
    for (ScopeKey key : keys) {
      if (!text(key.key()).equals(Scope.ALL)) {
        lists.put(key, list(key));
      }
    }
    return new Scope(lists);
  }

  private Set<String> list(ScopeKey key) {
    Set<String> values = new HashSet<>();
    for (String item : text(key.key()).split(",", -1)) {
      String value = item.strip();
      if (!key.accepts(value)) {
        throw invalid(key.key(), key.expected());
      }
      values.add(value);
    }
    return values;
  }

  /** A decimal number strictly above {@code floorExclusive}. */
  public BigDecimal decimalAbove(String key, BigDecimal floorExclusive) {
    String expected = "a number > " + floorExclusive;
    BigDecimal parsed = decimal(key, expected);
    if (parsed.compareTo(floorExclusive) <= 0) {
      throw invalid(key, expected);
    }
    return parsed;
  }

  /** A whole number from {@code min} to {@code max}, both included. */
  public int wholeNumber(String key, int min, int max) {
    String expected = "a whole number from " + min + " to " + max;
    try {
      int parsed = Integer.parseInt(text(key).replace("_", ""));
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // refused below, like an out-of-range number
    }
    throw invalid(key, expected);
  }

  /** An instant such as {@code 2022-06-30T00:00:00Z}, or nothing. */
  public Optional<Instant> optionalInstant(String key) {
    String value = text(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      throw invalid(key, "an instant such as 2022-06-30T00:00:00Z, or nothing");
    }
  }

  /** An amount in USD ≥ 0 (below 10^13), in cents rounded half up. */
  public long usdCents(String key) {
    return cents(key, "an amount in USD ≥ 0", false);
  }

  /** An amount in USD > 0 (below 10^13) that is at least one cent once rounded half up. */
  public long positiveUsdCents(String key) {
    long cents = cents(key, "an amount in USD > 0", true);
    if (cents == 0) {
      throw invalid(key, "an amount in USD ≥ 0.01");
    }
    return cents;
  }

  private long cents(String key, String expected, boolean positive) {
    BigDecimal parsed = decimal(key, expected);
    OptionalLong cents =
        parsed.signum() < 0 || positive && parsed.signum() == 0
            ? OptionalLong.empty()
            : Usd.centsInRange(parsed);
    if (cents.isEmpty()) {
      throw invalid(key, expected + " and < 10^13");
    }
    return cents.getAsLong();
  }

  private BigDecimal decimal(String key, String expected) {
    try {
      return new BigDecimal(text(key).replace("_", ""));
    } catch (NumberFormatException e) {
      throw invalid(key, expected);
    }
  }

  private String text(String key) {
    String value = values.get(keyOf.apply(key));
    return value == null ? "" : value.strip();
  }

  private InvalidSettingException invalid(String key, String expected) {
    return new InvalidSettingException(keyOf.apply(key), expected, text(key));
  }
}
