/**
 * The detection rules, their settings per scope, and the detector that evaluates them over a
 * series' ledgers. Pure Java, no Kafka.
 */
package dev.tradewatch.domain.rules;
