package dev.tradewatch.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewatch.broker.EmbeddedKafkaBroker;
import dev.tradewatch.config.Settings;
import dev.tradewatch.demo.DemoData;
import dev.tradewatch.lifecycle.ClusterPreparation;
import dev.tradewatch.lifecycle.StartupException;
import dev.tradewatch.lifecycle.StreamsRuntime;
import dev.tradewatch.replay.FigureProducer;
import dev.tradewatch.testing.KafkaTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kafka.* pass-through against a listener that requires SASL/SCRAM-SHA-512 over TLS, with a
 * certificate made by the test: tradewatch authenticates, processes the reference case and alerts;
 * with a wrong password it refuses to start with one line.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hung broker or client fails the test, not CI
class SaslTlsIT {

  private static final String STORE_PASSWORD = "store-Pa55";
  private static final String USER_PASSWORD = "scram-Pa55";

  @TempDir Path dir;

  @Test
  void shouldRunAgainstASaslScramOverTlsListener() throws Exception {
    Path keystore = TestCertificates.keystore(dir, STORE_PASSWORD);
    int saslPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      saslPort = socket.getLocalPort();
    }
    Map<String, String> listener =
        Map.of(
            "ssl.keystore.location",
            keystore.toString(),
            "ssl.keystore.password",
            STORE_PASSWORD,
            "ssl.keystore.type",
            "PKCS12",
            "ssl.key.password",
            STORE_PASSWORD,
            "sasl.enabled.mechanisms",
            "SCRAM-SHA-512",
            "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(
            0, null, new EmbeddedKafkaBroker.ExtraListener("SASL_SSL", saslPort, listener))) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        admin
            .alterUserScramCredentials(
                List.of(
                    new UserScramCredentialUpsertion(
                        "tradewatch",
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096),
                        USER_PASSWORD)))
            .all()
            .get(30, TimeUnit.SECONDS);
      }
      Settings secured = settings(broker, "127.0.0.1:" + saslPort, keystore, USER_PASSWORD);

      try (StreamsRuntime monitor =
              StreamsRuntime.startMonitor(secured, new SimpleMeterRegistry(), Clock.systemUTC());
          FigureProducer producer =
              new FigureProducer(
                  ClusterPreparation.clientProperties(secured), secured.topics().input(), 0)) {
        producer.sendAll(DemoData.referenceCase());

        var alerts =
            KafkaTestSupport.latestAlerts(
                KafkaTestSupport.readCommittedUntil(
                    broker.bootstrapServers(),
                    secured.topics().alerts(),
                    read -> KafkaTestSupport.latestAlerts(read).size() == 6));
        assertThat(alerts).hasSize(6);
      }

      Settings wrong = settings(broker, "127.0.0.1:" + saslPort, keystore, "not-the-password");
      assertThatThrownBy(
              () ->
                  StreamsRuntime.startMonitor(wrong, new SimpleMeterRegistry(), Clock.systemUTC()))
          .isInstanceOf(StartupException.class)
          .hasMessageContaining("Authentication failed")
          .hasMessageNotContaining("not-the-password");
    }
  }

  private Settings settings(
      EmbeddedKafkaBroker broker, String saslBootstrap, Path truststore, String password) {
    Map<String, String> kafka =
        new HashMap<>(
            Map.of(
                "kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"tradewatch\" password=\""
                        + password
                        + "\";",
                "kafka.ssl.truststore.location", truststore.toString(),
                "kafka.ssl.truststore.password", STORE_PASSWORD,
                "kafka.ssl.truststore.type", "PKCS12",
                "tradewatch.startup-timeout-seconds", "15"));
    Settings plain =
        KafkaTestSupport.isolatedSettings(broker.bootstrapServers(), dir.resolve("state"), kafka);
    return plain.with(
        java.util.Map.of(dev.tradewatch.config.ConfigKeys.BOOTSTRAP_SERVERS, saslBootstrap));
  }
}
