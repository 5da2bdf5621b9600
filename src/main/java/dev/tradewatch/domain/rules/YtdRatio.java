package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.series.Evidence;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code ytd-ratio}: the year to date at least {@code ratio} × the same span a year earlier, and at
 * least a floor.
 */
public final class YtdRatio implements SeriesRule<YtdRatio.Settings> {

  public static final YtdRatio RULE = new YtdRatio();

  static final String RATIO = "ratio";
  static final String FLOOR_USD = "floor-usd";

  private static final List<ScopeKey> SCOPE = ScopeKey.FLOW;

  private static final Map<String, String> DEFAULTS =
      RuleKeys.of(SCOPE, RATIO, "5", FLOOR_USD, "10000000");

  /**
   * @param ratio how many times last year's ytd the ytd must reach (> 1)
   * @param floorCents the ytd must also reach this
   */
  public record Settings(boolean enabled, Scope scope, BigDecimal ratio, long floorCents)
      implements Rule.Settings {

    /** Settings for every series. */
    public Settings(boolean enabled, BigDecimal ratio, long floorCents) {
      this(enabled, Scope.EVERYTHING, ratio, floorCents);
    }
  }

  private YtdRatio() {}

  @Override
  public String name() {
    return "ytd-ratio";
  }

  @Override
  public Map<String, String> defaults() {
    return DEFAULTS;
  }

  /** Last year's ytd. */
  @Override
  public int yearsBack() {
    return 1;
  }

  @Override
  public List<ScopeKey> scopeKeys() {
    return SCOPE;
  }

  @Override
  public Settings parse(SettingValues values) {
    return new Settings(
        values.bool(ENABLED),
        values.scope(SCOPE),
        values.decimalAbove(RATIO, BigDecimal.ONE),
        values.usdCents(FLOOR_USD));
  }

  @Override
  public Optional<Evaluation> evaluate(YearMonth period, Ledgers ledgers, Settings settings) {
    Optional<Evidence> ytd = ledgers.ytdEvidence(period);
    if (ytd.isEmpty()) {
      return Optional.empty();
    }
    return ledgers
        .ytdEvidence(period.minusYears(1))
        .map(before -> evaluate(period, ytd.get(), before, settings));
  }

  private Evaluation evaluate(
      YearMonth period, Evidence ytdEvidence, Evidence beforeEvidence, Settings settings) {
    long ytd = ytdEvidence.valueCents();
    long yearBefore = beforeEvidence.valueCents();
    boolean fires =
        Factors.atLeast(ytd, settings.ratio(), yearBefore) && ytd >= settings.floorCents();
    Supplier<String> method =
        () ->
            "ytd "
                + period
                + " "
                + ytdEvidence.known().wireName()
                + " against ytd "
                + beforeEvidence.period()
                + " "
                + beforeEvidence.known().wireName();
    return new Evaluation(
        this,
        period,
        ytd,
        yearBefore,
        severity(ytd, yearBefore, settings.ratio()),
        fires,
        List.of(ytdEvidence, beforeEvidence),
        method);
  }

  /** High at the ratio, critical at twice it. */
  private static Severity severity(long ytd, long yearBefore, BigDecimal ratio) {
    return Factors.atLeastTwice(ytd, ratio, yearBefore) ? Severity.CRITICAL : Severity.HIGH;
  }

  @Override
  public String message(Finding finding) {
    return finding.observed()
        + " year to date, "
        + finding.times("against")
        + " the "
        + finding.baseline()
        + " of "
        + span(finding.period().minusYears(1));
  }

  /** The same words: they state the numbers, which either fire or no longer do. */
  @Override
  public String resolvedMessage(Finding finding) {
    return message(finding);
  }

  @Override
  public String numbers(Finding finding) {
    return finding.observed()
        + " vs "
        + finding.baseline()
        + " ("
        + finding.times("from zero")
        + ")";
  }

  /** The months a ytd covers: {@code Jan–Sep 2019}, or {@code Jan 2019}. */
  private static String span(YearMonth end) {
    String month = end.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    return end.getMonthValue() == 1
        ? month + " " + end.getYear()
        : "Jan–" + month + " " + end.getYear();
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public Set<Severity> severities() {
    return EnumSet.of(Severity.HIGH, Severity.CRITICAL);
  }
}
