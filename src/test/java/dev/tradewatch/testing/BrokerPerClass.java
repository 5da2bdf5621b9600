package dev.tradewatch.testing;

import dev.tradewatch.broker.EmbeddedKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One embedded broker per integration-test class (tests use unique topic names within it). */
public abstract class BrokerPerClass {

  protected static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start(0, null);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }
}
