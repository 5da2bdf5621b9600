package dev.tradewatch.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;

/**
 * One rule applied to one period: what was observed, what it was compared with, and whether it fires.
 * Most evaluations do not fire, so the ratio is only worked out when asked for.
 */
public record Evaluation(Rule rule, YearMonth period, long observedCents, long baselineCents, Severity severity,
                         boolean fires) {

    /** observed / baseline to three decimals, or null when the baseline is zero. */
    public BigDecimal ratio() {
        return baselineCents == 0 ? null
                : BigDecimal.valueOf(observedCents).divide(BigDecimal.valueOf(baselineCents), 3, RoundingMode.HALF_EVEN);
    }

    public AlertKey key() {
        return new AlertKey(rule, period);
    }

    /** Whether an alert already carries exactly these numbers (a revision that changes nothing is silent). */
    boolean sameNumbersAs(Alert alert) {
        return alert.observedCents() == observedCents && alert.baselineCents() == baselineCents
                && sameRatio(alert.ratio()) && alert.severity() == severity;
    }

    private boolean sameRatio(BigDecimal other) {
        BigDecimal ratio = ratio();
        return ratio == null ? other == null : other != null && ratio.compareTo(other) == 0;
    }
}
