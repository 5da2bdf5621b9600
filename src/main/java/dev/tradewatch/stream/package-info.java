/**
 * The Kafka Streams side of tradewatch: the one place that builds the topology ({@link
 * dev.tradewatch.stream.TradewatchTopology}), the serdes of its topics and store, the record parser
 * that sends refused input to the dead-letter topic, and the exception handlers. Decisions about
 * figures and alerts are delegated to the domain package.
 */
package dev.tradewatch.stream;
