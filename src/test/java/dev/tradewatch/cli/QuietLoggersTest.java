package dev.tradewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuietLoggersTest {

  private static final String REPLICA_MANAGER =
      "org.slf4j.simpleLogger.log.kafka.server.ReplicaManager";
  private static final String SENDER =
      "org.slf4j.simpleLogger.log.org.apache.kafka.clients.producer.internals.Sender";

  @AfterEach
  void forget() {
    System.clearProperty(REPLICA_MANAGER);
    System.clearProperty(SENDER);
  }

  @Test
  void shouldTurnBenignKafkaLoggersDownByDefault() {
    forget();

    Main.execute(
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "--help");

    assertThat(QuietLoggers.levelOf("kafka.server.ReplicaManager")).isEqualTo("off");
    assertThat(QuietLoggers.levelOf("org.apache.kafka.clients.producer.internals.Sender"))
        .isEqualTo("error");
  }

  @Test
  void shouldBringThemBackWithVerbose() {
    Main.execute(
        new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()),
        "broker",
        "--verbose",
        "--port",
        "not-a-port");

    assertThat(QuietLoggers.levelOf("kafka.server.ReplicaManager")).isEqualTo("warn");
  }

  @Test
  void shouldLeaveALevelTheUserChoseAlone() {
    System.setProperty(REPLICA_MANAGER, "debug");

    QuietLoggers.quiet();

    assertThat(QuietLoggers.levelOf("kafka.server.ReplicaManager")).isEqualTo("debug");
  }
}
