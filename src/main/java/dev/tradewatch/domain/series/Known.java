package dev.tradewatch.domain.series;

/**
 * A value that is known for a period: either reported as such or derived from other reported
 * values.
 */
public record Known(long valueCents, boolean reported) {}
