package dev.tradewatch.domain.figures;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The country codes a figure may name: ISO 3166-1 alpha-3, upper case, plus {@code WLD} for the
 * world.
 */
public final class Countries {

  public static final String WORLD = "WLD";

  private static final Set<String> CODES = load();

  private Countries() {}

  public static boolean isKnown(String code) {
    return code != null && CODES.contains(code);
  }

  /** Every known code; the published JSON Schemas list the same ones (a test keeps them equal). */
  public static Set<String> codes() {
    return CODES;
  }

  private static Set<String> load() {
    Set<String> codes = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
    codes.add(WORLD);
    return Set.copyOf(codes);
  }
}
