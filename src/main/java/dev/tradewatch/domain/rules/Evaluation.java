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
 * Most evaluations do not fire, so the ratio is only worked out when asked for.
 */
public record Evaluation(
    Rule<?> rule,
    YearMonth period,
    long observedCents,
    long baselineCents,
    Severity severity,
    boolean fires,
    List<Evidence> evidence,
    Supplier<String> methodText) {

  public Evaluation {
    if (evidence.isEmpty()) {
      throw new IllegalArgumentException("an evaluation looks at something");
    }
    evidence = List.copyOf(evidence);
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
    Instant latest = evidence.get(0).publishedAt();
    for (Evidence entry : evidence) {
      if (entry.publishedAt().isAfter(latest)) {
        latest = entry.publishedAt();
      }
    }
    return latest;
  }
}
