/**
 * Micrometer meters of tradewatch: what the pipeline counts (figures by outcome, rejections by
 * reason, alert changes by rule, severity and status). Tags are bounded enumerations only;
 * per-series values never become tags.
 */
package dev.tradewatch.metrics;
