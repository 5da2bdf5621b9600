package dev.tradewatch.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.config.Settings;
import dev.tradewatch.testing.KafkaTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The reference case against Apache Kafka in a container, where Docker is available. Without Docker
 * (as on the project's CI machine) JUnit reports it as skipped, naming the missing Docker
 * environment; the in-JVM broker tests cover the same path there.
 */
@Testcontainers(disabledWithoutDocker = true)
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hung broker or client fails the test, not CI
class KafkaContainerIT {

  @Container private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.0.0");

  @TempDir Path stateDir;

  @Test
  void shouldRaiseTheReferenceAlertsAgainstAContainerisedBroker() throws Exception {
    Settings settings =
        KafkaTestSupport.isolatedSettings(KAFKA.getBootstrapServers(), stateDir, Map.of());
    try (StreamsRuntime monitor =
        StreamsRuntime.startMonitor(settings, new SimpleMeterRegistry(), Clock.systemUTC())) {
      KafkaTestSupport.produce(
          KAFKA.getBootstrapServers(), settings.topics().input(), MonitorRunIT.seedCase());

      var alerts =
          KafkaTestSupport.latestAlerts(
              KafkaTestSupport.readCommittedUntil(
                  KAFKA.getBootstrapServers(),
                  settings.topics().alerts(),
                  read -> KafkaTestSupport.latestAlerts(read).size() == 6));

      assertThat(alerts)
          .hasSize(6)
          .allSatisfy((id, alert) -> assertThat(alert.status().isActive()).isTrue());
    }
  }
}
