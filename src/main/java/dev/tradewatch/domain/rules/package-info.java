/**
 * The detection rules (one class each behind the sealed {@link dev.tradewatch.domain.rules.Rule},
 * listed in {@link dev.tradewatch.domain.rules.Rules}), their settings per scope, and the detector
 * that evaluates them over a series' ledgers. Pure Java, no Kafka.
 */
package dev.tradewatch.domain.rules;
