package dev.tradewatch.domain;

import java.time.YearMonth;
import java.util.Comparator;

/** Identifies an alert within its series: one rule for one period. */
public record AlertKey(Rule rule, YearMonth period) implements Comparable<AlertKey> {

    private static final Comparator<AlertKey> ORDER =
            Comparator.comparing(AlertKey::period).thenComparing(AlertKey::rule);

    @Override
    public int compareTo(AlertKey other) {
        return ORDER.compare(this, other);
    }
}
