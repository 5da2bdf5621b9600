package dev.tradewatch.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradewatch.config.ConfigException;
import dev.tradewatch.config.ConfigKeys;
import dev.tradewatch.config.FileProblems;
import dev.tradewatch.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Posts alerts to every configured Alertmanager ({@code /api/v2/alerts}): an Alertmanager cluster
 * expects each client to send to all its peers, and deduplicates by label set.
 */
final class AlertmanagerClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** What a post came to, for the counters: the alerts are re-sent unless it is SENT or REFUSED. */
  enum Outcome {
    /** Every Alertmanager accepted the alerts. */
    SENT,
    /** An Alertmanager refused the alerts themselves (400, 422): trying again cannot help. */
    REFUSED,
    /** An Alertmanager was unreachable, timed out or answered anything else: retried. */
    FAILED
  }

  /** The outcome of one post, with a line for the log when it did not go through. */
  record Result(Outcome outcome, String problem) {}

  private final List<URI> endpoints;
  private final String authorization; // null without basic auth
  private final HttpClient http;

  AlertmanagerClient(Settings.Alertmanager settings) {
    this.endpoints = settings.urls().stream().map(url -> url.resolve(apiPath(url))).toList();
    this.authorization =
        settings.username().isEmpty()
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (settings.username() + ":" + settings.password())
                            .getBytes(StandardCharsets.UTF_8));
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT);
    if (!settings.truststore().isEmpty()) {
      builder.sslContext(
          trusting(Path.of(settings.truststore()), settings.truststorePassword().toCharArray()));
    }
    this.http = builder.build();
  }

  /** {@code /api/v2/alerts} under the URL's path: Alertmanager may sit behind a path prefix. */
  private static String apiPath(URI url) {
    String path = url.getPath() == null ? "" : url.getPath();
    return (path.endsWith("/") ? path : path + "/") + "api/v2/alerts";
  }

  /** Posts {@code alerts} to every Alertmanager; the worst outcome among them. */
  Result post(Collection<ObjectNode> alerts) throws InterruptedException {
    ArrayNode body = JSON.createArrayNode().addAll(alerts);
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      return new Result(Outcome.REFUSED, "cannot write the alerts as JSON: " + e.getMessage());
    }
    Result worst = new Result(Outcome.SENT, null);
    for (URI endpoint : endpoints) {
      Result result = postTo(endpoint, bytes);
      if (result.outcome().compareTo(worst.outcome()) > 0) {
        worst = result;
      }
    }
    return worst;
  }

  private Result postTo(URI endpoint, byte[] body) throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      if (status / 100 == 2) {
        return new Result(Outcome.SENT, null);
      }
      String problem = endpoint + " answered " + status + ": " + firstLine(response.body());
      // only a payload Alertmanager rejects cannot be helped by trying again; wrong credentials
      // or path (401, 403, 404) are retried, counted and alerted on until someone fixes them
      boolean refused = status == 400 || status == 422;
      return new Result(refused ? Outcome.REFUSED : Outcome.FAILED, problem);
    } catch (IOException e) {
      return new Result(Outcome.FAILED, endpoint + " unreachable: " + e);
    }
  }

  private static String firstLine(String body) {
    String line = body.strip().lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  private static SSLContext trusting(Path truststore, char[] password) {
    try (InputStream in = Files.newInputStream(truststore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException(
          ConfigKeys.ALERTMANAGER_TRUSTSTORE
              + ": cannot load "
              + FileProblems.of(truststore)
                  .orElse(
                      truststore
                          + " ("
                          + (e.getMessage() == null ? "unreadable" : e.getMessage())
                          + ")"));
    }
  }
}
