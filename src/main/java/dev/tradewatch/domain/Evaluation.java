package dev.tradewatch.domain;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One rule applied to one period: what was observed, what it was compared with, and whether it fires.
 * {@code ratio} is observed / baseline to three decimals, or null when the baseline is zero.
 */
public record Evaluation(Rule rule, YearMonth period, long observedCents, long baselineCents, BigDecimal ratio,
                         Severity severity, boolean fires) {

    public AlertKey key() {
        return new AlertKey(rule, period);
    }

    /** Whether an alert already carries exactly these numbers (a revision that changes nothing is silent). */
    boolean sameNumbersAs(Alert alert) {
        return alert.observedCents() == observedCents && alert.baselineCents() == baselineCents
                && sameRatio(alert.ratio()) && alert.severity() == severity;
    }

    private boolean sameRatio(BigDecimal other) {
        return ratio == null ? other == null : other != null && ratio.compareTo(other) == 0;
    }
}
