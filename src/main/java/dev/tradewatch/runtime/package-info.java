/**
 * Runtime lifecycle: starts and stops the long-running parts of tradewatch, namely the
 * KafkaStreams topology, the HTTP server and the embedded single-node Kafka broker, so that the
 * commands can bring them up in order and shut them down cleanly.
 */
package dev.tradewatch.runtime;
