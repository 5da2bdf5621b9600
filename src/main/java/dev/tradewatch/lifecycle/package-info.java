/**
 * Lifecycle of the monitor: checks the cluster and topics, then starts and stops the Kafka Streams
 * client. The only package that creates a KafkaStreams.
 */
package dev.tradewatch.lifecycle;
