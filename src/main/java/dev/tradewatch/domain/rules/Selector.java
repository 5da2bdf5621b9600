package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.figures.Countries;
import dev.tradewatch.domain.figures.FigureValidator;
import java.util.Comparator;
import java.util.Optional;

/**
 * The flows an override applies to: {@code EXPORTER-IMPORTER} or {@code
 * EXPORTER-IMPORTER-CATEGORY}, where the exporter and the importer may be {@value Scope#ALL} (any),
 * e.g. {@code TUR-USA}, {@code *-USA}, {@code TUR-*-defence-aerospace}.
 *
 * @param exporter an ISO 3166-1 alpha-3 code (or WLD), or {@value Scope#ALL}
 * @param importer the same
 * @param category the category, or null for any
 */
public record Selector(String exporter, String importer, String category) {

  /** What a selector looks like, for error messages. */
  public static final String EXPECTED =
      "an EXPORTER-IMPORTER pair or EXPORTER-IMPORTER-CATEGORY selector (two different ISO 3166-1"
          + " alpha-3 codes or WLD, either may be *; a category as figures have it)";

  /**
   * Most specific first: one with a category before one without, then an exact exporter before
   * {@code *}, then an exact importer before {@code *}. So {@code TUR-*-93} precedes {@code
   * TUR-USA}, which precedes {@code *-USA}. Selectors that match the same flow are never equally
   * specific unless they are equal; the text breaks the remaining ties, so the order is total.
   */
  public static final Comparator<Selector> MOST_SPECIFIC_FIRST =
      Comparator.comparing(Selector::hasCategory)
          .thenComparing(Selector::hasExactExporter)
          .thenComparing(Selector::hasExactImporter)
          .reversed()
          .thenComparing(Selector::toString);

  /**
   * The selector {@code text} spells; empty when it is not one. The category is everything after
   * the second dash, so it may contain dashes itself ({@code TUR-*-defence-aerospace}).
   */
  public static Optional<Selector> parse(String text) {
    int first = text.indexOf('-');
    int second = first < 0 ? -1 : text.indexOf('-', first + 1);
    String exporter = first < 0 ? text : text.substring(0, first);
    String importer = text.substring(first + 1, second < 0 ? text.length() : second);
    String category = second < 0 ? null : text.substring(second + 1);
    boolean valid =
        first > 0
            && isCountryOrAll(exporter)
            && isCountryOrAll(importer)
            && !(exporter.equals(importer) && !exporter.equals(Scope.ALL))
            && (category == null || FigureValidator.isCategory(category));
    return valid ? Optional.of(new Selector(exporter, importer, category)) : Optional.empty();
  }

  private static boolean isCountryOrAll(String code) {
    return code.equals(Scope.ALL) || Countries.isKnown(code);
  }

  public boolean hasCategory() {
    return category != null;
  }

  public boolean hasExactExporter() {
    return !exporter.equals(Scope.ALL);
  }

  public boolean hasExactImporter() {
    return !importer.equals(Scope.ALL);
  }

  /** Whether the flow {@code exporter} → {@code importer} of {@code category} is selected. */
  public boolean matches(String exporter, String importer, String category) {
    return (!hasExactExporter() || this.exporter.equals(exporter))
        && (!hasExactImporter() || this.importer.equals(importer))
        && (!hasCategory() || this.category.equals(category));
  }

  /** As configured: {@code TUR-*-93}. */
  @Override
  public String toString() {
    return exporter + "-" + importer + (hasCategory() ? "-" + category : "");
  }
}
