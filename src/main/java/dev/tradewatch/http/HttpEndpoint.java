package dev.tradewatch.http;

import dev.tradewatch.config.Settings;
import dev.tradewatch.domain.SeriesState;
import dev.tradewatch.domain.rules.SourceSilent;
import dev.tradewatch.lifecycle.StartupException;
import dev.tradewatch.lifecycle.StreamsRuntime;
import dev.tradewatch.metrics.ExportedMeters;
import dev.tradewatch.metrics.StateMetrics;
import dev.tradewatch.metrics.StateSummary;
import dev.tradewatch.metrics.StreamsStateMetrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP port and what it serves: {@code /metrics} (Micrometer's Prometheus registry through the
 * Prometheus Java client's HTTP server), {@code /health} and the JSON API. It starts before the
 * monitor — the monitor must know the port to advertise it to other instances — and answers 503
 * until {@link #attach} hands it the running monitor.
 */
public final class HttpEndpoint implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);

  private final Settings settings;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpSecurity security;
  private final ApiHandler api;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "tradewatch-metrics");
            thread.setDaemon(true);
            return thread;
          });
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final HTTPServer server;

  private HttpEndpoint(Settings settings) {
    this.settings = settings;
    this.security = new HttpSecurity(settings.http());
    this.api = new ApiHandler(security);
    ExportedMeters.configure(
        registry,
        List.of(
            settings.topics().input(),
            settings.topics().alerts(),
            settings.topics().deadLetter(),
            settings.topics().rules()),
        settings.application().id());
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    closeables.add(gc);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    try {
      server =
          HTTPServer.builder()
              .hostname(settings.http().bindAddress())
              .port(settings.http().port())
              .registry(registry.getPrometheusRegistry())
              .defaultHandler(api)
              .authenticator(security.authenticator())
              .httpsConfigurator(security.httpsConfigurator())
              .buildAndStart();
    } catch (BindException e) {
      throw new StartupException(portInUse(settings), e);
    } catch (IOException e) {
      throw new StartupException(
          "cannot start the HTTP server on "
              + settings.http().bindAddress()
              + ":"
              + settings.http().port()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Checks that the HTTP port is free by binding it and letting it go at once, so that a command
   * can fail before it starts anything else. Any port will do when it is 0.
   *
   * @param hint added to the message when the port is taken, e.g. what to try instead
   * @throws StartupException when the port is in use or the address cannot be bound
   */
  public static void checkPortFree(Settings settings, String hint) {
    int port = settings.http().port();
    if (port == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true); // as the HTTP server binds: a port in TIME_WAIT is free
      probe.bind(new InetSocketAddress(settings.http().bindAddress(), port));
    } catch (BindException e) {
      throw new StartupException(portInUse(settings) + hint, e);
    } catch (IOException e) {
      throw new StartupException(
          "cannot bind " + settings.http().bindAddress() + ":" + port + ": " + e.getMessage(), e);
    }
  }

  private static String portInUse(Settings settings) {
    return "HTTP port "
        + settings.http().port()
        + " on "
        + settings.http().bindAddress()
        + " is already in use (tradewatch.http.port)";
  }

  /**
   * Binds the HTTP port (0 = any free port) and starts serving /metrics; other routes answer 503
   * until attached.
   */
  public static HttpEndpoint start(Settings settings) {
    return new HttpEndpoint(settings);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public int port() {
    return server.getPort();
  }

  /** The base URL on the bound address, e.g. {@code http://127.0.0.1:8080}. */
  public String baseUrl() {
    String scheme = settings.http().usesTls() ? "https" : "http";
    return scheme + "://" + settings.http().bindAddress() + ":" + port();
  }

  /** The base URL other instances and Alertmanager's users reach this one at. */
  public String advertisedBaseUrl() {
    return (settings.http().usesTls() ? "https" : "http") + "://" + advertisedServer();
  }

  /** {@code host:port} other instances reach this one at. */
  public String advertisedServer() {
    String host = settings.http().advertisedHost();
    if (host.isEmpty()) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        host = "localhost";
      }
    }
    return host + ":" + port();
  }

  /**
   * Starts answering for {@code monitor}: Kafka Streams client metrics, state-derived gauges, the
   * JSON API.
   */
  public void attach(StreamsRuntime monitor) {
    String[] advertised = advertisedServer().split(":");
    StateQueries queries =
        new StateQueries(
            monitor.streams(), new HostInfo(advertised[0], Integer.parseInt(advertised[1])));
    KafkaStreamsMetrics streamsMetrics =
        new KafkaStreamsMetrics(
            monitor.streams(), Tags.empty(), scheduler, settings.metrics().refreshInterval());
    streamsMetrics.bindTo(registry);
    closeables.add(streamsMetrics);
    new StreamsStateMetrics(queries::streamsState).bindTo(registry);
    StateMetrics stateMetrics = new StateMetrics(registry);
    long period = settings.metrics().refreshInterval().toMillis();
    scheduler.scheduleWithFixedDelay(
        () -> refresh(queries, stateMetrics), 0, period, TimeUnit.MILLISECONDS);
    api.attach(queries, monitor.reevaluation());
  }

  /**
   * Months from each source's latest period to "now": the configured as-of instant when there is
   * one (a replay of history, the demo), else the wall clock.
   */
  private List<StateMetrics.SourceFreshness> sourceFreshness(StateQueries queries) {
    Instant now =
        settings.detection().global().of(SourceSilent.RULE).asOf().orElseGet(Instant::now);
    YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
    List<StateMetrics.SourceFreshness> sources = new ArrayList<>();
    queries.forEachLocalSource(
        source ->
            source
                .history()
                .latest()
                .ifPresent(
                    latest ->
                        sources.add(
                            new StateMetrics.SourceFreshness(
                                source.source().reporter(),
                                source.source().category(),
                                latest.period(),
                                Math.max(0, latest.period().until(current, ChronoUnit.MONTHS))))));
    return sources;
  }

  private void refresh(StateQueries queries, StateMetrics stateMetrics) {
    try {
      List<SeriesState> states = new ArrayList<>();
      queries.forEachLocal(states::add);
      stateMetrics.update(StateSummary.of(states, settings.metrics().seriesGauges()));
      stateMetrics.updateSources(sourceFreshness(queries), settings.metrics().seriesGauges());
    } catch (RuntimeException e) {
      LOG.debug("State gauges not refreshed: {}", e.toString()); // not queryable while rebalancing
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    server.close();
    for (AutoCloseable closeable : closeables) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.debug("Closing {} failed: {}", closeable, e.toString());
      }
    }
    registry.close();
  }
}
