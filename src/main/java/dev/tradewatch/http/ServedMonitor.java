package dev.tradewatch.http;

import dev.tradewatch.config.Settings;
import dev.tradewatch.lifecycle.StreamsRuntime;
import java.time.Clock;

/**
 * The monitor with its HTTP endpoint, as {@code run} and {@code demo} serve it. The port is bound
 * first: a port in use fails before anything else starts, and the monitor advertises the bound port
 * to the other instances for interactive queries.
 */
public final class ServedMonitor implements AutoCloseable {

  private final HttpEndpoint endpoint;
  private final StreamsRuntime monitor;

  private ServedMonitor(HttpEndpoint endpoint, StreamsRuntime monitor) {
    this.endpoint = endpoint;
    this.monitor = monitor;
  }

  /** Binds the HTTP port, starts the monitor and has the endpoint answer for it. */
  public static ServedMonitor start(Settings settings, Clock clock) {
    HttpEndpoint endpoint = HttpEndpoint.start(settings);
    try {
      StreamsRuntime monitor =
          StreamsRuntime.startMonitor(
              settings, endpoint.registry(), clock, endpoint.advertisedServer());
      endpoint.attach(monitor);
      return new ServedMonitor(endpoint, monitor);
    } catch (RuntimeException e) {
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
      monitor.close();
    } finally {
      endpoint.close();
    }
  }
}
