/**
 * What is known of one series in one calendar year: reported values with the publication instant
 * that orders revisions, and the ledger that reconciles monthly and year-to-date values.
 */
package dev.tradewatch.domain.series;
