package dev.tradewatch.replay;

/**
 * Counts of one file read, for the end-of-run summary.
 *
 * @param linesRead every physical line consumed so far, header and blank lines included
 * @param figures figures emitted
 * @param malformed lines that could not be turned into a figure
 * @param skipped lines deliberately not turned into figures (Comtrade flows other than X and M)
 */
public record ReadSummary(long linesRead, long figures, long malformed, long skipped) {}
