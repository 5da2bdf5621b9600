package dev.tradewatch.http;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpsConfigurator;
import dev.tradewatch.config.FileProblems;
import dev.tradewatch.config.Settings;
import dev.tradewatch.lifecycle.StartupException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Optional protection of the HTTP port: basic auth ({@code tradewatch.http.username}/{@code
 * password}) and TLS from a PKCS#12 keystore ({@code tradewatch.http.tls.keystore}). The keystore
 * also serves as the trust store when one instance asks another (instances of one deployment share
 * the certificate).
 */
final class HttpSecurity {

  private final Settings.Http http;
  private final SSLContext sslContext;

  HttpSecurity(Settings.Http http) {
    this.http = http;
    this.sslContext =
        http.usesTls()
            ? sslContext(Path.of(http.keystore()), http.keystorePassword().toCharArray())
            : null;
  }

  String scheme() {
    return http.usesTls() ? "https" : "http";
  }

  BasicAuthenticator authenticator() {
    if (!http.requiresAuth()) {
      return null;
    }
    byte[] user = http.username().getBytes(StandardCharsets.UTF_8);
    byte[] password = http.password().getBytes(StandardCharsets.UTF_8);
    return new BasicAuthenticator("tradewatch") {
      @Override
      public boolean checkCredentials(String username, String given) {
        // constant-time comparisons: no timing hints about the secret
        return MessageDigest.isEqual(user, username.getBytes(StandardCharsets.UTF_8))
            & MessageDigest.isEqual(password, given.getBytes(StandardCharsets.UTF_8));
      }
    };
  }

  HttpsConfigurator httpsConfigurator() {
    return sslContext == null ? null : new HttpsConfigurator(sslContext);
  }

  /**
   * A client for asking the other instances, speaking the same scheme with the same credentials.
   */
  HttpClient client() {
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
    if (sslContext != null) {
      builder.sslContext(sslContext);
    }
    return builder.build();
  }

  HttpRequest.Builder authorise(HttpRequest.Builder request) {
    if (http.requiresAuth()) {
      String token =
          Base64.getEncoder()
              .encodeToString(
                  (http.username() + ":" + http.password()).getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + token);
    }
    return request;
  }

  private static SSLContext sslContext(Path keystore, char[] password) {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      // a missing file or a directory in plain words; else the keystore's own, such as
      // "keystore password was incorrect"
      throw new StartupException(
          "cannot load the HTTP keystore (tradewatch.http.tls.keystore): "
              + FileProblems.of(keystore)
                  .orElse(
                      keystore + ": " + (e.getMessage() == null ? "unreadable" : e.getMessage())),
          e);
    } catch (GeneralSecurityException e) {
      throw new StartupException(
          "cannot load the HTTP keystore "
              + keystore
              + " (tradewatch.http.tls.keystore): "
              + (e.getMessage() == null ? "not a usable PKCS#12 keystore" : e.getMessage()),
          e);
    }
  }
}
