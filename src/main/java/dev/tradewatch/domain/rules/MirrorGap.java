package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.figures.SeriesKey;
import dev.tradewatch.domain.series.Evidence;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code mirror-gap}: for one month of a flow, the importer's figure (its mirror statistics) and
 * the exporter's differ by at least {@code ratio} times and at least a floor. Imports are valued
 * CIF, a few percent above FOB exports, so a small difference is normal; a one-sided flow (a known
 * zero on one side) or a several-fold gap is how an unreported transfer shows. The alert's observed
 * value is the importer's, its baseline the exporter's.
 */
public final class MirrorGap implements FlowRule<MirrorGap.Settings> {

  public static final MirrorGap RULE = new MirrorGap();

  static final String RATIO = "ratio";
  static final String FLOOR_USD = "floor-usd";

  private static final List<ScopeKey> SCOPE = ScopeKey.FLOW;

  private static final Map<String, String> DEFAULTS =
      RuleKeys.of(SCOPE, RATIO, "3", FLOOR_USD, "5000000");

  /**
   * @param ratio how many times the smaller side the larger must reach (> 1)
   * @param floorCents the difference between the sides must also reach this
   */
  public record Settings(boolean enabled, Scope scope, BigDecimal ratio, long floorCents)
      implements Rule.Settings {}

  private MirrorGap() {}

  @Override
  public String name() {
    return "mirror-gap";
  }

  @Override
  public Map<String, String> defaults() {
    return DEFAULTS;
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
  public Optional<Evaluation> evaluate(
      YearMonth period,
      SeriesKey flow,
      Ledgers exporterSide,
      Ledgers importerSide,
      Settings settings) {
    Optional<Evidence> exported = exporterSide.monthEvidence(period);
    if (exported.isEmpty()) {
      return Optional.empty();
    }
    return importerSide
        .monthEvidence(period)
        .map(
            imported ->
                evaluate(
                    period,
                    exported.get().reportedBy(flow.exporter()),
                    imported.reportedBy(flow.importer()),
                    settings));
  }

  private Evaluation evaluate(
      YearMonth period, Evidence exported, Evidence imported, Settings settings) {
    long exports = exported.valueCents();
    long imports = imported.valueCents();
    long larger = Math.max(exports, imports);
    long smaller = Math.min(exports, imports);
    boolean oneSided = smaller == 0 && larger > 0;
    boolean fires =
        (oneSided || Factors.atLeast(larger, settings.ratio(), smaller))
            && larger - smaller >= settings.floorCents()
            && larger > 0;
    Severity severity =
        oneSided || Factors.atLeastTwice(larger, settings.ratio(), smaller)
            ? Severity.CRITICAL
            : Severity.HIGH;
    return new Evaluation(
        this,
        period,
        imports,
        exports,
        severity,
        fires,
        List.of(imported, exported),
        () ->
            "month "
                + period
                + " as the importer ("
                + imported.known().wireName()
                + ") and the exporter ("
                + exported.known().wireName()
                + ") report it");
  }

  /** Larger ÷ smaller, null when a side is zero (a one-sided flow has no ratio). */
  @Override
  public BigDecimal ratio(long observedCents, long baselineCents) {
    long larger = Math.max(observedCents, baselineCents);
    long smaller = Math.min(observedCents, baselineCents);
    return smaller == 0
        ? null
        : BigDecimal.valueOf(larger).divide(BigDecimal.valueOf(smaller), 3, RoundingMode.HALF_EVEN);
  }

  /** {@code AZE reports $41.0M of imports from ISR; ISR reports $3.2M of exports to AZE: 12.8×}. */
  @Override
  public String message(Finding finding) {
    SeriesKey flow = finding.series();
    String exporter = flow == null ? "the exporter" : flow.exporter();
    String importer = flow == null ? "the importer" : flow.importer();
    return importer
        + " reports "
        + finding.observed()
        + " of imports from "
        + exporter
        + "; "
        + exporter
        + " reports "
        + finding.baseline()
        + " of exports to "
        + importer
        + ": "
        + finding.times("one-sided");
  }

  /** The same words: they state the two sides, which either differ enough or no longer do. */
  @Override
  public String resolvedMessage(Finding finding) {
    return message(finding);
  }

  @Override
  public String numbers(Finding finding) {
    return "imports "
        + finding.observed()
        + " vs exports "
        + finding.baseline()
        + " ("
        + finding.times("one-sided")
        + ")";
  }

  @Override
  public Set<Severity> severities() {
    return EnumSet.of(Severity.HIGH, Severity.CRITICAL);
  }

  /** Its own month only: both sides of one month. */
  @Override
  public int yearsBack() {
    return 0;
  }

  @Override
  public String toString() {
    return name();
  }
}
