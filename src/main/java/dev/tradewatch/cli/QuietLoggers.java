package dev.tradewatch.cli;

import java.util.Map;

/**
 * Kafka loggers that say alarming things when nothing is wrong, turned down by default so that a
 * WARN or ERROR line means something; {@code --verbose} brings them back. slf4j-simple reads a
 * logger's level when the logger is created, and Kafka's loggers are created when its classes first
 * run, after the command line is parsed; a level the user sets with {@code -D} is left alone.
 */
public final class QuietLoggers {

  private static final String PROPERTY = "org.slf4j.simpleLogger.log.";

  /** Logger name → level while quiet, with the benign message each one is turned down for. */
  private static final Map<String, String> BENIGN =
      Map.of(
          // a fresh transactional producer's first batch, OutOfOrderSequenceException with a stack
          // trace at ERROR, retried by the client (KAFKA-18202); embedded broker only
          "kafka.server.ReplicaManager", "off",
          // "Auto topic creation failed for __transaction_state … TOPIC_ALREADY_EXISTS" at start-up
          "kafka.server.DefaultAutoTopicCreationManager", "error",
          // "Performing controller activation. The metadata log appears to be empty" on a new
          // broker
          "org.apache.kafka.controller.QuorumController", "error",
          // "Got error produce response … retrying … CONCURRENT_TRANSACTIONS", retried
          "org.apache.kafka.clients.producer.internals.Sender", "error",
          // connection attempts while a broker starts or restarts, retried
          "org.apache.kafka.clients.NetworkClient", "error",
          // on every start: the processing handler is not enabled for global tables (there are
          // none)
          "org.apache.kafka.streams.StreamsConfig", "error");

  private QuietLoggers() {}

  /** Turns the benign loggers down, unless the user chose their level. */
  public static void quiet() {
    BENIGN.forEach(
        (logger, level) -> {
          if (System.getProperty(PROPERTY + logger) == null) {
            System.setProperty(PROPERTY + logger, level);
          }
        });
  }

  /** Brings them back to WARN, as every other Kafka logger ({@code --verbose}). */
  static void restore() {
    BENIGN.keySet().forEach(logger -> System.setProperty(PROPERTY + logger, "warn"));
  }

  /** The level a benign logger is at now (for tests), or null when it is not one of them. */
  static String levelOf(String logger) {
    return BENIGN.containsKey(logger) ? System.getProperty(PROPERTY + logger) : null;
  }
}
