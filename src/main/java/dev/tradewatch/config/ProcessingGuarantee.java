package dev.tradewatch.config;

import java.util.Arrays;
import java.util.Optional;

/** Kafka Streams' processing guarantee, as tradewatch allows it (exactly-once is the default). */
public enum ProcessingGuarantee {
  EXACTLY_ONCE_V2("exactly_once_v2"),
  AT_LEAST_ONCE("at_least_once");

  private final String kafkaName;

  ProcessingGuarantee(String kafkaName) {
    this.kafkaName = kafkaName;
  }

  /** The value of Kafka Streams' {@code processing.guarantee}. */
  public String kafkaName() {
    return kafkaName;
  }

  static Optional<ProcessingGuarantee> fromKafkaName(String name) {
    return Arrays.stream(values()).filter(g -> g.kafkaName.equals(name)).findFirst();
  }
}
