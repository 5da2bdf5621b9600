package dev.tradewatch.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker + controller) running inside this
 * JVM, built from Kafka's own server classes: the storage is formatted by {@link StorageTool} (the
 * class behind {@code kafka-storage.sh format}) and the node is run by {@link KafkaRaftServer}
 * (what {@code kafka-server-start.sh} runs).
 *
 * <p>Why: the {@code broker}, {@code demo}, {@code backtest} and {@code bench} commands and the
 * integration tests need a broker with transactions and consumer groups but no Docker and no
 * test-only jars. Listeners bind to 127.0.0.1 only. Restarting on the same port and data directory
 * keeps topics and records, so tests can stop and restart the broker mid-stream.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final String HOST = "127.0.0.1";
  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final long START_TIMEOUT_MS = 60_000;

  private final KafkaRaftServer server;
  private final int port;
  private final Path dataDir;
  private final boolean temporary;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedKafkaBroker(KafkaRaftServer server, int port, Path dataDir, boolean temporary) {
    this.server = server;
    this.port = port;
    this.dataDir = dataDir;
    this.temporary = temporary;
  }

  /**
   * Starts a broker and blocks until it answers client requests.
   *
   * @param port client port on 127.0.0.1; 0 picks a free one
   * @param dataDir log and metadata directory, reused if already formatted; null means a fresh
   *     temporary directory that is deleted on {@link #close()}
   * @throws IllegalStateException if the port is taken or the broker is not ready within ~60 s
   */
  public static EmbeddedKafkaBroker start(int port, Path dataDir) {
    return start(port, dataDir, null);
  }

  /**
   * A second listener beside PLAINTEXT, named after its security protocol (e.g. {@code SASL_SSL}),
   * with the broker settings it needs (keystore, SASL mechanisms, JAAS); for testing secured
   * clients.
   */
  public record ExtraListener(
      String securityProtocol, int port, Map<String, String> brokerConfig) {}

  /** As {@link #start(int, Path)}, with an extra listener (null for none). */
  public static EmbeddedKafkaBroker start(int port, Path dataDir, ExtraListener extra) {
    int brokerPort = probePort(port);
    boolean temporary = dataDir == null;
    Path dir = temporary ? createTempDir() : dataDir.toAbsolutePath();
    long startNanos = System.nanoTime();
    KafkaRaftServer server = null;
    try {
      Properties props = brokerProperties(brokerPort, probePort(0), dir);
      if (extra != null) {
        addListener(props, extra);
      }
      formatIfNeeded(props, dir);
      server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
      server.startup();
      EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, brokerPort, dir, temporary);
      broker.awaitReady(startNanos + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS));
      LOG.info(
          "Embedded Kafka broker ready at {} (data {}) in {} ms",
          broker.bootstrapServers(),
          dir,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
      return broker;
    } catch (Exception e) {
      stopQuietly(server, temporary ? dir : null);
      throw new IllegalStateException(
          "Embedded Kafka broker could not start on "
              + HOST
              + ":"
              + brokerPort
              + " with data dir "
              + dir
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** The broker configuration; see the comments for why each value departs from the default. */
  static Properties brokerProperties(int port, int controllerPort, Path dir) {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", String.valueOf(NODE_ID));
    // Static quorum (kraft.version 0): the controller endpoint is read from this config at
    // every start and is not written into the log, so a restart may use a new controller port.
    p.setProperty("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    p.setProperty("controller.listener.names", CONTROLLER_LISTENER);
    p.setProperty(
        "listeners",
        "PLAINTEXT://"
            + HOST
            + ":"
            + port
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + HOST
            + ":"
            + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    p.setProperty("log.dirs", dir.toString());
    p.setProperty("auto.create.topics.enable", "false");
    // One node: every internal topic must live with replication factor 1 and min ISR 1,
    // otherwise transactions (EOS), consumer groups and share groups cannot start.
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    // Default is 50 partitions each; a few are plenty for one node and are created faster.
    p.setProperty("offsets.topic.num.partitions", "5");
    p.setProperty("transaction.state.log.num.partitions", "5");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("group.streams.initial.rebalance.delay.ms", "0");
    // Replayed figures carry years-old timestamps. In 4.4.0 log.message.timestamp.before.max.ms
    // already defaults to Long.MAX_VALUE (old CreateTime accepted; after.max.ms = 1 h only
    // rejects future stamps), but time retention (log.retention.hours = 168) measures age from
    // the record timestamp: measured, 2013 records (active segment included) are deleted at
    // the first retention check, 30 s after start (log.initial.task.delay.ms). So: no time limit.
    p.setProperty("log.retention.ms", "-1");
    return p;
  }

  private static void addListener(Properties props, ExtraListener extra) {
    String name = extra.securityProtocol();
    props.setProperty(
        "listeners",
        props.getProperty("listeners") + "," + name + "://" + HOST + ":" + extra.port());
    props.setProperty(
        "advertised.listeners",
        props.getProperty("advertised.listeners") + "," + name + "://" + HOST + ":" + extra.port());
    props.setProperty(
        "listener.security.protocol.map",
        props.getProperty("listener.security.protocol.map") + "," + name + ":" + name);
    props.putAll(extra.brokerConfig());
  }

  /**
   * Formats a new data directory exactly like {@code kafka-storage.sh format -t ID -c FILE}; a
   * directory that already holds meta.properties is reused as it is.
   */
  private static void formatIfNeeded(Properties props, Path dir) throws IOException {
    if (Files.exists(dir.resolve("meta.properties"))) {
      return;
    }
    Path configFile = Files.createTempFile("tradewatch-kafka-", ".properties");
    try {
      try (Writer out = Files.newBufferedWriter(configFile)) {
        props.store(out, "embedded Kafka broker");
      }
      String[] args = {
        "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", configFile.toString()
      };
      // execute() returns an exit code or throws; only StorageTool.main() calls Exit.exit.
      int code = StorageTool.execute(args, new PrintStream(OutputStream.nullOutputStream()));
      if (code != 0) {
        throw new IllegalStateException("formatting " + dir + " exited with code " + code);
      }
    } finally {
      Files.deleteIfExists(configFile);
    }
  }

  /** Polls describeCluster until the broker lists itself, or fails at the deadline. */
  private void awaitReady(long deadlineNanos) {
    Map<String, Object> conf =
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    try (Admin admin = Admin.create(conf)) {
      Exception last = null;
      do {
        try {
          if (!admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
              .nodes()
              .get()
              .isEmpty()) {
            return;
          }
        } catch (ExecutionException e) {
          last = e;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
      } while (System.nanoTime() < deadlineNanos);
      throw new IllegalStateException(
          "not ready within "
              + START_TIMEOUT_MS / 1000
              + " s"
              + (last == null ? "" : " (last error: " + last.getCause() + ")"));
    }
  }

  public String bootstrapServers() {
    return HOST + ":" + port;
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Shuts the broker down, waits for it, and deletes the data directory if it was temporary. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      stopQuietly(server, temporary ? dataDir : null);
    }
  }

  private static void stopQuietly(KafkaRaftServer server, Path dirToDelete) {
    try {
      if (server != null) {
        server.shutdown();
        server.awaitShutdown();
      }
    } catch (RuntimeException e) {
      LOG.warn("Embedded Kafka broker did not shut down cleanly: {}", e.toString());
    }
    if (dirToDelete != null) {
      try {
        Utils.delete(dirToDelete.toFile());
      } catch (IOException e) {
        LOG.warn("Could not delete {}: {}", dirToDelete, e.toString());
      }
    }
  }

  /** Binds and releases 127.0.0.1:port (0 means any free port) and returns the bound port. */
  private static int probePort(int port) {
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(
          port == 0
              ? "Embedded Kafka broker cannot start: no free port on " + HOST
              : "Embedded Kafka broker cannot start: port "
                  + port
                  + " on "
                  + HOST
                  + " is already in use");
    }
  }

  private static Path createTempDir() {
    try {
      return Files.createTempDirectory("tradewatch-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary Kafka data dir", e);
    }
  }
}
