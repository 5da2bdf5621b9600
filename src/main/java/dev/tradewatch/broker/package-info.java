/**
 * A single-node Apache Kafka broker (KRaft) inside this JVM, for the broker, demo, backtest and
 * bench commands and for tests. The only package that touches kafka.server.
 */
package dev.tradewatch.broker;
