/**
 * The Alertmanager bridge: follows the alert topic as a downstream consumer would (committed
 * records only, each partition read by one instance of the group) and keeps Prometheus
 * Alertmanager's view of every active trade alert current — posted when it fires or changes,
 * re-sent before it would expire, ended when it resolves. It runs beside the stream on its own
 * thread, so an unreachable Alertmanager delays notifications, never processing.
 */
package dev.tradewatch.notify;
