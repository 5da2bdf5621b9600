package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.figures.Usd;
import dev.tradewatch.domain.series.Evidence;
import dev.tradewatch.domain.series.YearLedger;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code dormant-partner}: a month of at least a floor after a quiet stretch, when enough of the 24
 * months before it are known and every known one is at most {@code dormant-usd}. A month is known
 * as a baseline counts it: reported, derived, or inside a ytd span at the span's average.
 */
public final class DormantPartner implements SeriesRule<DormantPartner.Settings> {

  public static final DormantPartner RULE = new DormantPartner();

  /** How many months before the period are looked at. */
  static final int LOOK_BACK = 24;

  static final String FLOOR_USD = "floor-usd";
  static final String DORMANT_USD = "dormant-usd";
  static final String MIN_KNOWN_MONTHS = "min-known-months";

  /** Severity turns high at this many times the floor. */
  private static final long HIGH_AT_FLOORS = 10;

  private static final List<ScopeKey> SCOPE = ScopeKey.FLOW;

  private static final Map<String, String> DEFAULTS =
      RuleKeys.of(SCOPE, FLOOR_USD, "2000000", DORMANT_USD, "100000", MIN_KNOWN_MONTHS, "12");

  /**
   * @param floorCents the month must reach this (> 0)
   * @param dormantCents every known month of the look-back must be at most this
   * @param minKnownMonths at least this many months of the look-back must be known (1..24)
   */
  public record Settings(
      boolean enabled, Scope scope, long floorCents, long dormantCents, int minKnownMonths)
      implements Rule.Settings {

    /** Settings for every series. */
    public Settings(boolean enabled, long floorCents, long dormantCents, int minKnownMonths) {
      this(enabled, Scope.EVERYTHING, floorCents, dormantCents, minKnownMonths);
    }
  }

  private DormantPartner() {}

  @Override
  public String name() {
    return "dormant-partner";
  }

  @Override
  public Map<String, String> defaults() {
    return DEFAULTS;
  }

  /** The 24 months before the period reach two years back. */
  @Override
  public int yearsBack() {
    return 2;
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
        values.positiveUsdCents(FLOOR_USD),
        values.usdCents(DORMANT_USD),
        values.wholeNumber(MIN_KNOWN_MONTHS, 1, LOOK_BACK));
  }

  /**
   * Empty only when the month itself is not known; otherwise an evaluation with the month and the
   * known months of its look-back, firing or not, so a resolved alert carries the numbers as they
   * now stand (the month fell below the floor, a known month was above dormant-usd, or too few are
   * known).
   */
  @Override
  public Optional<Evaluation> evaluate(YearMonth period, Ledgers ledgers, Settings settings) {
    return ledgers.monthEvidence(period).map(month -> evaluate(month, ledgers, settings));
  }

  private Evaluation evaluate(Evidence month, Ledgers ledgers, Settings settings) {
    YearMonth period = month.period();
    long value = month.valueCents();
    long dormant = settings.dormantCents();
    // most months are below the floor or meet no alert: the look-back is counted only when it
    // decides, and its evidence built only when an alert shows it
    boolean fires =
        value >= settings.floorCents()
            && LookBack.isQuiet(period, ledgers, dormant, settings.minKnownMonths());
    Severity severity =
        value >= HIGH_AT_FLOORS * settings.floorCents() ? Severity.HIGH : Severity.MEDIUM;
    return new Evaluation(
        this,
        period,
        value,
        dormant,
        severity,
        fires,
        () -> evidence(month, ledgers),
        () -> LookBack.count(period, ledgers, dormant).method(period, dormant));
  }

  /** How many months of the look-back are known, and how many of those are above dormant-usd. */
  private record LookBack(int known, int above) {

    static LookBack count(YearMonth period, Ledgers ledgers, long dormant) {
      YearMonth first = period.minusMonths(LOOK_BACK);
      int year = first.getYear();
      int month = first.getMonthValue();
      YearLedger ledger = ledgers.year(year);
      int known = 0;
      int above = 0;
      for (int i = 0; i < LOOK_BACK; i++) {
        OptionalLong estimate = ledger.estimate(month);
        if (estimate.isPresent()) {
          known++;
          if (estimate.getAsLong() > dormant) {
            above++;
          }
        }
        if (++month > 12) {
          month = 1;
          ledger = ledgers.year(++year);
        }
      }
      return new LookBack(known, above);
    }

    /**
     * Whether the look-back is quiet: no month above {@code dormant}, enough of them known. Read
     * from the latest month back, stopping at the first one above: a partner that traded last month
     * decides here, without the ledger of two years ago.
     */
    static boolean isQuiet(YearMonth period, Ledgers ledgers, long dormant, int minKnownMonths) {
      int known = 0;
      for (int back = 1; back <= LOOK_BACK; back++) {
        OptionalLong estimate = ledgers.estimate(period.minusMonths(back));
        if (estimate.isPresent()) {
          if (estimate.getAsLong() > dormant) {
            return false;
          }
          known++;
        }
      }
      return known >= minKnownMonths;
    }

    /** {@code 24 months 2018-09..2020-08, 14 known, all ≤ $100.0K}. */
    String method(YearMonth period, long dormant) {
      String window =
          LOOK_BACK
              + " months "
              + period.minusMonths(LOOK_BACK)
              + ".."
              + period.minusMonths(1)
              + ", "
              + known
              + " known";
      if (known == 0) {
        return window;
      }
      return window + ", " + (above == 0 ? "all ≤ " : above + " above ") + Usd.humanise(dormant);
    }
  }

  /** The month itself, then the known months of its look-back, oldest first. */
  private static List<Evidence> evidence(Evidence month, Ledgers ledgers) {
    List<Evidence> lookBack = ledgers.knownMonthsBefore(month.period(), LOOK_BACK);
    List<Evidence> evidence = new ArrayList<>(lookBack.size() + 1);
    evidence.add(month);
    evidence.addAll(lookBack);
    return evidence;
  }

  private static int countAbove(List<Evidence> months, long dormant) {
    int above = 0;
    for (Evidence month : months) {
      if (month.valueCents() > dormant) {
        above++;
      }
    }
    return above;
  }

  /** The known months of the look-back: the finding's evidence after the month itself. */
  private static List<Evidence> lookBack(Finding finding) {
    List<Evidence> evidence = finding.evidence();
    return evidence.isEmpty() ? evidence : evidence.subList(1, evidence.size());
  }

  @Override
  public String message(Finding finding) {
    return finding.observed()
        + " after "
        + LOOK_BACK
        + " months of at most "
        + finding.baseline()
        + " ("
        + lookBack(finding).size()
        + " known)";
  }

  /**
   * Says which known months were above dormant-usd when some were; otherwise the numbers, which
   * show the month below the floor or how few months are known.
   */
  @Override
  public String resolvedMessage(Finding finding) {
    List<Evidence> lookBack = lookBack(finding);
    int above = countAbove(lookBack, finding.baselineCents());
    if (above == 0) {
      return message(finding);
    }
    return finding.observed()
        + ", but "
        + above
        + " of the "
        + lookBack.size()
        + " known months before it "
        + (above == 1 ? "was" : "were")
        + " above "
        + finding.baseline();
  }

  @Override
  public String numbers(Finding finding) {
    List<Evidence> lookBack = lookBack(finding);
    int above = countAbove(lookBack, finding.baselineCents());
    return finding.observed()
        + " after "
        + (above == 0 ? "≤ " : above + " months > ")
        + finding.baseline()
        + " ("
        + lookBack.size()
        + " of "
        + LOOK_BACK
        + " known)";
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public Set<Severity> severities() {
    return EnumSet.of(Severity.MEDIUM, Severity.HIGH);
  }
}
