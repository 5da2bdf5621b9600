package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.figures.Countries;
import dev.tradewatch.domain.figures.FigureValidator;
import dev.tradewatch.domain.figures.SeriesKey;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A key that limits which series a rule looks at, e.g. {@code categories}: one part of a series and
 * the values that part may be listed with. A rule declares the scope keys it has.
 */
public enum ScopeKey {
  CATEGORIES(
      "categories",
      SeriesKey::category,
      FigureValidator::isCategory,
      "categories (1–64 letters, digits, spaces or ._/&()+-)"),
  EXPORTERS(
      "exporters", SeriesKey::exporter, Countries::isKnown, "ISO 3166-1 alpha-3 codes (or WLD)"),
  IMPORTERS(
      "importers", SeriesKey::importer, Countries::isKnown, "ISO 3166-1 alpha-3 codes (or WLD)"),
  REPORTERS(
      "reporters", SeriesKey::reporter, Countries::isKnown, "ISO 3166-1 alpha-3 codes (or WLD)");

  /** The scope keys of the rules over a series' flow: what is traded, from where, to where. */
  public static final List<ScopeKey> FLOW = List.of(CATEGORIES, EXPORTERS, IMPORTERS);

  /** The scope keys of the rules over a source: what is published, and by whom. */
  public static final List<ScopeKey> SOURCE = List.of(CATEGORIES, REPORTERS);

  private final String key;
  private final Function<SeriesKey, String> part;
  private final Predicate<String> accepts;
  private final String listOf;

  ScopeKey(String key, Function<SeriesKey, String> part, Predicate<String> accepts, String listOf) {
    this.key = key;
    this.part = part;
    this.accepts = accepts;
    this.listOf = listOf;
  }

  /** The rule key, e.g. {@code categories}. */
  public String key() {
    return key;
  }

  /** The part of {@code series} this key selects by, e.g. its category. */
  String of(SeriesKey series) {
    return part.apply(series);
  }

  /** Whether {@code value} may appear in this key's list. */
  boolean accepts(String value) {
    return accepts.test(value);
  }

  /** What this key's value must be, for error messages. */
  String expected() {
    return Scope.ALL + " or a comma-separated list of " + listOf;
  }
}
