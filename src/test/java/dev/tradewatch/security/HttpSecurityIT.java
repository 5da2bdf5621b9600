package dev.tradewatch.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewatch.Main;
import dev.tradewatch.config.Settings;
import dev.tradewatch.config.SettingsLoader;
import dev.tradewatch.http.HttpEndpoint;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP port's optional basic auth and TLS, and secrets kept out of printed configuration and
 * errors.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hung broker or client fails the test, not CI
class HttpSecurityIT {

  private static final String SECRET = "s3cret-Pa55word";

  @TempDir Path dir;

  @Test
  void shouldRequireBasicAuthWhenAUsernameIsSet() throws Exception {
    try (HttpEndpoint web =
        HttpEndpoint.start(
            settings(
                Map.of(
                    "tradewatch.http.username", "grafana", "tradewatch.http.password", SECRET)))) {
      HttpClient client = HttpClient.newHttpClient();
      URI metrics = URI.create("http://127.0.0.1:" + web.port() + "/metrics");

      assertThat(
              client
                  .send(
                      HttpRequest.newBuilder(metrics).build(),
                      HttpResponse.BodyHandlers.discarding())
                  .statusCode())
          .isEqualTo(401);
      assertThat(
              client
                  .send(
                      withAuth(metrics, "grafana", "wrong"), HttpResponse.BodyHandlers.discarding())
                  .statusCode())
          .isEqualTo(401);
      assertThat(
              client
                  .send(withAuth(metrics, "grafana", SECRET), HttpResponse.BodyHandlers.ofString())
                  .body())
          .contains("jvm_memory_used_bytes");
      // the schemas are behind the same door as the rest of the port
      URI schema = URI.create("http://127.0.0.1:" + web.port() + "/schema/alert.json");
      assertThat(
              client
                  .send(
                      HttpRequest.newBuilder(schema).build(), HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(401);
      assertThat(
              client
                  .send(withAuth(schema, "grafana", SECRET), HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void shouldServeHttpsFromAPkcs12Keystore() throws Exception {
    Path keystore = TestCertificates.keystore(dir, SECRET);
    try (HttpEndpoint web =
        HttpEndpoint.start(
            settings(
                Map.of(
                    "tradewatch.http.tls.keystore",
                    keystore.toString(),
                    "tradewatch.http.tls.keystore-password",
                    SECRET)))) {
      HttpClient client = HttpClient.newBuilder().sslContext(trusting(keystore)).build();

      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("https://localhost:" + web.port() + "/metrics"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThatThrownBy(
              () ->
                  HttpClient.newHttpClient()
                      .send(
                          HttpRequest.newBuilder(
                                  URI.create("http://localhost:" + web.port() + "/metrics"))
                              .build(),
                          HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(java.io.IOException.class);
    }
  }

  @Test
  void shouldNeverPrintSecrets() {
    Settings settings =
        settings(
            Map.of(
                "tradewatch.http.password",
                SECRET,
                "tradewatch.http.username",
                "u",
                "kafka.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"tw\" password=\""
                    + SECRET
                    + "\";",
                "kafka.ssl.truststore.password",
                SECRET));
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "run",
            "--verbose",
            "--bootstrap-servers",
            "127.0.0.1:1",
            "--http-port",
            "0",
            "--set",
            "tradewatch.http.bind-address=127.0.0.1",
            "--set",
            "tradewatch.startup-timeout-seconds=1",
            "--set",
            "tradewatch.http.username=u",
            "--set",
            "tradewatch.http.password=" + SECRET,
            "--set",
            "kafka.ssl.truststore.password=" + SECRET);

    assertThat(settings.toString()).doesNotContain(SECRET).contains("[hidden]");
    assertThat(code).isEqualTo(Main.FAILURE);
    assertThat(err.toString()).doesNotContain(SECRET);
  }

  private Settings settings(Map<String, String> extra) {
    Map<String, String> flags = new HashMap<>(extra);
    flags.put("tradewatch.http.port", "0");
    flags.put("tradewatch.http.bind-address", "127.0.0.1");
    return SettingsLoader.load(null, Map.of(), flags);
  }

  private static HttpRequest withAuth(URI uri, String user, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(uri).header("Authorization", "Basic " + token).build();
  }

  private static SSLContext trusting(Path keystore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, SECRET.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
