package dev.tradewatch.domain.figures;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Applies the input contract's checks and defaults to a {@link FigureInput}: known country codes,
 * exporter ≠ importer, a {@code YYYY-MM} period not after the current UTC month, a value in [0,
 * 10^13) once rounded to the cent, sane free-text fields (the category trimmed) and a publishedAt
 * at most a day ahead. Needs a clock because "the future" moves.
 */
public final class FigureValidator {

  public static final String DEFAULT_CATEGORY = "total";
  static final int MAX_CATEGORY_LENGTH = 64;
  static final int MAX_SOURCE_LENGTH = 256;

  /**
   * How far past "now" a publishedAt may lie: a day absorbs time zones and clock skew, while a
   * mistyped year (12021) would make every later correction of the figure stale.
   */
  static final Duration MAX_AHEAD = Duration.ofDays(1);

  /**
   * The earliest publishedAt taken: years before 0000 have no RFC 3339 form, and an alert's asOf
   * must have one (the alert schema says date-time).
   */
  static final Instant EARLIEST_PUBLISHED_AT = Instant.parse("0000-01-01T00:00:00Z");

  private static final Pattern CATEGORY = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._/&()+-]*");

  private final Clock clock;
  private volatile CurrentMonth currentMonth;

  public FigureValidator(Clock clock) {
    this.clock = clock;
  }

  /**
   * Whether a figure may have {@code text} as its category (1–64 letters, digits, {@code
   * ._/&()+-}).
   */
  public static boolean isCategory(String text) {
    if (text.length() > MAX_CATEGORY_LENGTH) {
      return false;
    }
    int ascii = asciiCategory(text);
    return ascii >= 0 ? ascii == 1 : CATEGORY.matcher(text).matches();
  }

  /**
   * What {@link #CATEGORY} says of an ASCII text, without a regex per figure: 1 matches, 0 does
   * not; -1 for a text beyond ASCII, left to the regex and its Unicode letters and digits.
   */
  private static int asciiCategory(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    boolean matches = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return -1;
      }
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      matches &= alphanumeric || (i > 0 && " ._/&()+-".indexOf(c) >= 0);
    }
    return matches ? 1 : 0;
  }

  /**
   * Validates {@code input}; {@code fallbackPublishedAt} (the broker timestamp) stands in for a
   * missing publishedAt.
   */
  public Validation validate(FigureInput input, Instant fallbackPublishedAt) {
    Validation missing = firstMissing(input);
    if (missing != null) {
      return missing;
    }
    if (!Countries.isKnown(input.exporter())) {
      return Validation.rejected(
          RejectReason.UNKNOWN_COUNTRY,
          "exporter",
          "not an ISO 3166-1 alpha-3 code: " + input.exporter());
    }
    if (!Countries.isKnown(input.importer())) {
      return Validation.rejected(
          RejectReason.UNKNOWN_COUNTRY,
          "importer",
          "not an ISO 3166-1 alpha-3 code: " + input.importer());
    }
    String reporter = input.reporter() == null ? input.exporter() : input.reporter();
    if (!Countries.isKnown(reporter)) {
      return Validation.rejected(
          RejectReason.UNKNOWN_COUNTRY, "reporter", "not an ISO 3166-1 alpha-3 code: " + reporter);
    }
    if (input.exporter().equals(input.importer())) {
      return Validation.rejected(
          RejectReason.SAME_COUNTRY,
          "importer",
          "exporter and importer are both " + input.exporter());
    }
    return validatePeriodAndRest(input, reporter, fallbackPublishedAt);
  }

  private Validation validatePeriodAndRest(
      FigureInput input, String reporter, Instant fallbackPublishedAt) {
    if (!isPeriodShaped(input.period())) {
      return Validation.rejected(
          RejectReason.BAD_PERIOD, "period", "expected YYYY-MM, found " + input.period());
    }
    YearMonth period;
    try {
      period = IsoDates.period(input.period());
    } catch (DateTimeException e) {
      return Validation.rejected(
          RejectReason.BAD_PERIOD, "period", "not a calendar month: " + input.period());
    }
    if (period.isAfter(currentMonth())) {
      return Validation.rejected(
          RejectReason.FUTURE_PERIOD, "period", input.period() + " is after the current month");
    }
    Basis basis =
        input.basis() == null ? Basis.MONTH : Basis.fromWireName(input.basis()).orElse(null);
    if (basis == null) {
      return Validation.rejected(
          RejectReason.BAD_BASIS, "basis", "expected month or ytd, found " + input.basis());
    }
    OptionalLong cents = Usd.centsInRange(input.valueUsd());
    if (cents.isEmpty()) {
      return Validation.rejected(
          RejectReason.BAD_VALUE,
          "valueUsd",
          "expected 0 ≤ value < 10^13 after rounding to the cent, found "
              + abbreviate(input.valueUsd().toString()));
    }
    return validateRest(
        input, reporter, new FigureId(period, basis), cents.getAsLong(), fallbackPublishedAt);
  }

  private Validation validateRest(
      FigureInput input, String reporter, FigureId id, long cents, Instant fallbackPublishedAt) {
    // surrounding whitespace is never part of the series: "total " is the series "total"
    String category = input.category() == null ? DEFAULT_CATEGORY : input.category().strip();
    Validation badText = textRejection(category, input.source());
    if (badText != null) {
      return badText;
    }
    Instant publishedAt;
    try {
      publishedAt =
          input.publishedAt() == null ? fallbackPublishedAt : IsoDates.instant(input.publishedAt());
    } catch (DateTimeException e) {
      return Validation.rejected(
          RejectReason.BAD_PUBLISHED_AT,
          "publishedAt",
          "not an ISO-8601 instant: " + input.publishedAt());
    }
    if (publishedAt.isBefore(EARLIEST_PUBLISHED_AT)) {
      return Validation.rejected(
          RejectReason.BAD_PUBLISHED_AT,
          "publishedAt",
          input.publishedAt() + " is before the year 0000");
    }
    if (input.publishedAt() != null && publishedAt.isAfter(clock.instant().plus(MAX_AHEAD))) {
      return Validation.rejected(
          RejectReason.BAD_PUBLISHED_AT,
          "publishedAt",
          input.publishedAt() + " is more than a day after the current time");
    }
    SeriesKey series = new SeriesKey(input.exporter(), input.importer(), category, reporter);
    return Validation.accepted(
        new Figure(series, id.period(), id.basis(), cents, input.source(), publishedAt));
  }

  /** YYYY-MM in ASCII digits (what {@code \d{4}-\d{2}} matches), without a regex per figure. */
  static boolean isPeriodShaped(String text) {
    if (text.length() != 7 || text.charAt(4) != '-') {
      return false;
    }
    for (int i = 0; i < 7; i++) {
      char c = text.charAt(i);
      if (i != 4 && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  /** The current UTC month, worked out again only once the clock has left it. */
  private YearMonth currentMonth() {
    CurrentMonth known = currentMonth;
    long now = clock.millis();
    if (known == null || now < known.startMillis() || now >= known.endMillis()) {
      YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
      known =
          new CurrentMonth(
              month,
              month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
              month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
      currentMonth = known; // one parser serves every stream thread: an immutable value
    }
    return known.month();
  }

  private record CurrentMonth(YearMonth month, long startMillis, long endMillis) {}

  private static Validation textRejection(String category, String source) {
    if (!isCategory(category)) {
      return Validation.rejected(
          RejectReason.BAD_TEXT,
          "category",
          "expected 1-64 letters, digits or . _ / & ( ) + - and spaces");
    }
    if (source != null && source.length() > MAX_SOURCE_LENGTH) {
      return Validation.rejected(
          RejectReason.BAD_TEXT, "source", "longer than " + MAX_SOURCE_LENGTH + " characters");
    }
    return null;
  }

  /**
   * Never echo an attacker-sized value into a header: 1e999999999 must not become a billion digits.
   */
  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  private static Validation firstMissing(FigureInput input) {
    if (input.exporter() == null) {
      return missing("exporter");
    }
    if (input.importer() == null) {
      return missing("importer");
    }
    if (input.period() == null) {
      return missing("period");
    }
    if (input.valueUsd() == null) {
      return missing("valueUsd");
    }
    return null;
  }

  private static Validation missing(String field) {
    return Validation.rejected(RejectReason.MISSING_FIELD, field, "required field is missing");
  }
}
