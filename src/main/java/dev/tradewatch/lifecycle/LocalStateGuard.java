package dev.tradewatch.lifecycle;

import dev.tradewatch.config.Settings;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps local state from outliving the cluster it came from. Kafka Streams trusts the stores in its
 * state directory when their checkpoints look plausible, so state built on another cluster, or
 * before an internal topic was recreated, can survive and make figures count as already seen:
 * alerts are then never published. Before the client starts, this compares the cluster with the
 * recorded owner and deletes the local state ({@code KafkaStreams#cleanUp}) when they differ; Kafka
 * Streams then restores it from this cluster's changelog topics. The record is written before start
 * and again whenever the client reaches RUNNING, by which time Kafka Streams has created its
 * internal topics.
 */
final class LocalStateGuard implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalStateGuard.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private final Settings settings;
  private final StateOwnerFile record;
  private final ExecutorService recorder =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "tradewatch-state-owner");
            thread.setDaemon(true);
            return thread;
          });

  LocalStateGuard(Settings settings) {
    this.settings = settings;
    this.record =
        new StateOwnerFile(settings.application().stateDir(), settings.application().id());
  }

  /**
   * Deletes {@code streams}' local state when it belongs to another cluster or to topics that were
   * recreated, then records {@code current} as its owner. Must run before {@code streams.start()}.
   */
  void checkBeforeStart(KafkaStreams streams, ClusterIdentity current) {
    Optional<String> reason = reasonToDelete(current);
    if (reason.isPresent()) {
      LOG.warn(
          "Deleting the local state in {} because {}; Kafka Streams restores it from this"
              + " cluster's changelog topics",
          settings.application().stateDir().resolve(settings.application().id()),
          reason.get());
      streams.cleanUp();
    }
    try {
      record.write(current);
    } catch (IOException e) {
      throw new StartupException("cannot write " + record.path() + " (tradewatch.state-dir): " + e);
    }
  }

  /**
   * Why the local state must go before the client starts with {@code current}; empty to keep it.
   */
  Optional<String> reasonToDelete(ClusterIdentity current) {
    try {
      return record.read().flatMap(current::mismatch);
    } catch (IOException e) {
      return Optional.of("its owner record is unreadable (" + e.getMessage() + ")");
    }
  }

  /**
   * Records the cluster's current internal topics, in the background: called from the client's
   * state listener when it reaches RUNNING.
   */
  void recordSoon() {
    try {
      recorder.execute(this::recordNow);
    } catch (RejectedExecutionException e) {
      LOG.debug("Not recording the state's owner: closing");
    }
  }

  private void recordNow() {
    try {
      ClusterIdentity current = ClusterPreparation.identity(settings);
      if (!recorder.isShutdown()) { // closed meanwhile: the state directory may be gone
        record.write(current);
      }
    } catch (IOException | RuntimeException e) {
      if (!recorder.isShutdown()) {
        // the next RUNNING or start records it; until then a recreated topic goes unnoticed
        LOG.warn("Could not record which cluster the local state belongs to: {}", e.toString());
      }
    }
  }

  /** Stops recording; waits briefly so that no record is written after the client has closed. */
  @Override
  public void close() {
    recorder.shutdownNow();
    try {
      recorder.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
