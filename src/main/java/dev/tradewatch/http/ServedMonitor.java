package dev.tradewatch.http;

import dev.tradewatch.config.Settings;
import dev.tradewatch.lifecycle.ClusterPreparation;
import dev.tradewatch.lifecycle.StreamsRuntime;
import dev.tradewatch.notify.AlertmanagerBridge;
import java.time.Clock;

/**
 * The monitor with its HTTP endpoint, as {@code run} and {@code demo} serve it. The port is bound
 * first: a port in use fails before anything else starts, and the monitor advertises the bound port
 * to the other instances for interactive queries.
 */
public final class ServedMonitor implements AutoCloseable {

  private final HttpEndpoint endpoint;
  private final StreamsRuntime monitor;
  private final AlertmanagerBridge alertmanager; // null unless tradewatch.alertmanager.url is set

  private ServedMonitor(
      HttpEndpoint endpoint, StreamsRuntime monitor, AlertmanagerBridge alertmanager) {
    this.endpoint = endpoint;
    this.monitor = monitor;
    this.alertmanager = alertmanager;
  }

  /**
   * Binds the HTTP port, starts the monitor and has the endpoint answer for it; with an
   * Alertmanager configured, posts the alerts there too.
   */
  public static ServedMonitor start(Settings settings, Clock clock) {
    AlertmanagerBridge.check(settings);
    HttpEndpoint endpoint = HttpEndpoint.start(settings);
    StreamsRuntime monitor = null;
    try {
      monitor =
          StreamsRuntime.startMonitor(
              settings, endpoint.registry(), clock, endpoint.advertisedServer());
      endpoint.attach(monitor);
      AlertmanagerBridge alertmanager =
          settings.alertmanager().enabled()
              ? AlertmanagerBridge.start(
                  settings,
                  ClusterPreparation.clientProperties(settings),
                  endpoint.registry(),
                  clock,
                  endpoint.advertisedBaseUrl())
              : null;
      return new ServedMonitor(endpoint, monitor, alertmanager);
    } catch (RuntimeException e) {
      if (monitor != null) {
        monitor.close();
      }
      endpoint.close();
      throw e;
    }
  }

  public HttpEndpoint endpoint() {
    return endpoint;
  }

  public StreamsRuntime monitor() {
    return monitor;
  }

  /**
   * The base URL of the endpoint as this machine reaches it, e.g. {@code http://127.0.0.1:8080}.
   */
  public String baseUrl() {
    return endpoint.baseUrl();
  }

  @Override
  public void close() {
    try {
      if (alertmanager != null) {
        alertmanager.close();
      }
      monitor.close();
    } finally {
      endpoint.close();
    }
  }
}
