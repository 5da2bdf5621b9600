package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.series.Evidence;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;

/**
 * One rule applied to one period: what was observed, what it was compared with, whether it fires,
 * and what it looked at ({@code evidence}, in the rule's order) and how ({@code method}, one line).
 * Most evaluations do not fire and meet no alert, so the ratio, the method and (for a rule that
 * asks) the evidence are only worked out when asked for. Used by one thread, within the change of
 * one series.
 */
public final class Evaluation {

  private final Rule<?> rule;
  private final YearMonth period;
  private final long observedCents;
  private final long baselineCents;
  private final Severity severity;
  private final boolean fires;
  private final Supplier<List<Evidence>> evidenceSource;
  private final Supplier<String> methodText;
  private List<Evidence> evidence;

  /** An evaluation whose evidence is at hand. */
  public Evaluation(
      Rule<?> rule,
      YearMonth period,
      long observedCents,
      long baselineCents,
      Severity severity,
      boolean fires,
      List<Evidence> evidence,
      Supplier<String> methodText) {
    this(rule, period, observedCents, baselineCents, severity, fires, () -> evidence, methodText);
    evidence();
  }

  /**
   * An evaluation whose evidence is gathered when first asked for: a long look-back that most
   * evaluations never show.
   */
  public Evaluation(
      Rule<?> rule,
      YearMonth period,
      long observedCents,
      long baselineCents,
      Severity severity,
      boolean fires,
      Supplier<List<Evidence>> evidenceSource,
      Supplier<String> methodText) {
    this.rule = rule;
    this.period = period;
    this.observedCents = observedCents;
    this.baselineCents = baselineCents;
    this.severity = severity;
    this.fires = fires;
    this.evidenceSource = evidenceSource;
    this.methodText = methodText;
  }

  public Rule<?> rule() {
    return rule;
  }

  public YearMonth period() {
    return period;
  }

  public long observedCents() {
    return observedCents;
  }

  public long baselineCents() {
    return baselineCents;
  }

  public Severity severity() {
    return severity;
  }

  public boolean fires() {
    return fires;
  }

  /** What the rule looked at, in its order; never empty. */
  public List<Evidence> evidence() {
    if (evidence == null) {
      List<Evidence> gathered = List.copyOf(evidenceSource.get());
      if (gathered.isEmpty()) {
        throw new IllegalArgumentException("an evaluation looks at something");
      }
      evidence = gathered;
    }
    return evidence;
  }

  /**
   * How the rule reached its numbers, one line. Written only when asked for: most evaluations do
   * not fire and meet no alert, and writing the line for each of them doubled the cost of a figure.
   */
  public String method() {
    return methodText.get();
  }

  /** The ratio the alert shows, as the rule works it out ({@link Rule#ratio}). */
  public BigDecimal ratio() {
    return rule.ratio(observedCents, baselineCents);
  }

  /** When this evaluation became knowable: the latest publication among its evidence. */
  public Instant asOf() {
    List<Evidence> entries = evidence();
    Instant latest = entries.get(0).publishedAt();
    for (Evidence entry : entries) {
      if (entry.publishedAt().isAfter(latest)) {
        latest = entry.publishedAt();
      }
    }
    return latest;
  }

  @Override
  public String toString() {
    return "Evaluation["
        + rule
        + " "
        + period
        + " observed="
        + observedCents
        + " baseline="
        + baselineCents
        + " "
        + severity
        + (fires ? " fires" : " quiet")
        + "]";
  }
}
