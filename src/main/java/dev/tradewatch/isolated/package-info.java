/**
 * Isolated runs on their own application id, topics and state, usually on an embedded broker:
 * backtests, the catch-up check by offsets, the alert tail that reads results back, and scoring
 * against labels.
 */
package dev.tradewatch.isolated;
