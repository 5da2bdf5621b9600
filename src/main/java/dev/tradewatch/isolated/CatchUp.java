package dev.tradewatch.isolated;

import dev.tradewatch.config.Settings;
import dev.tradewatch.lifecycle.StartupException;
import dev.tradewatch.lifecycle.StreamsRuntime;
import dev.tradewatch.stream.TradewatchTopology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Decides by offsets, not by waiting, whether an application has processed everything: its consumer
 * group's committed offset has reached the end of every partition of its input and repartition
 * topics.
 */
public final class CatchUp {

  public static final long NOT_STARTED = -1;
  private static final long POLL_NANOS = Duration.ofMillis(100).toNanos();

  private final Admin admin;
  private final String groupId;
  private final List<String> topics;

  public CatchUp(Admin admin, String groupId, List<String> topics) {
    this.admin = admin;
    this.groupId = groupId;
    this.topics = List.copyOf(topics);
  }

  /**
   * Records not yet processed (end offset minus committed offset, summed over all partitions), or
   * {@link #NOT_STARTED} while the application has not yet created its internal topics.
   */
  public long remaining() {
    try {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).containsAll(topics)) {
        return NOT_STARTED;
      }
      Map<String, TopicDescription> described =
          admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
      described
          .values()
          .forEach(
              d ->
                  d.partitions()
                      .forEach(
                          p ->
                              latest.put(
                                  new TopicPartition(d.name(), p.partition()),
                                  OffsetSpec.latest())));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
          admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(groupId)
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS);
      long remaining = 0;
      for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end :
          ends.entrySet()) {
        OffsetAndMetadata done = committed.get(end.getKey());
        remaining += Math.max(0, end.getValue().offset() - (done == null ? 0 : done.offset()));
      }
      return remaining;
    } catch (ExecutionException | TimeoutException e) {
      throw new StartupException("cannot read offsets of " + topics + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException("interrupted while reading offsets", e);
    }
  }

  /**
   * Polls until nothing remains; {@code onProgress} sees the remaining count after every poll.
   * Gives up at once when {@code failure} reports that the application stopped.
   */
  public void await(Duration timeout, LongConsumer onProgress, Supplier<Throwable> failure) {
    Instant deadline = Instant.now().plus(timeout);
    long remaining;
    while ((remaining = remaining()) != 0) {
      onProgress.accept(remaining);
      Throwable stopped = failure.get();
      if (stopped != null) {
        throw new StartupException(
            "the monitor stopped before processing everything: " + stopped, stopped);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new StartupException(
            (remaining < 0
                    ? "the application has not started"
                    : remaining + " records still unprocessed")
                + " after "
                + timeout.toSeconds()
                + " s");
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    onProgress.accept(0);
  }

  /**
   * Waits until {@code monitor} has processed everything in its input (by offsets) and, when {@code
   * tail} is given, until the tail has read every committed alert. Fails fast if the monitor stops.
   */
  public static void awaitMonitor(
      Admin admin, Settings settings, StreamsRuntime monitor, AlertTail tail, Duration timeout) {
    new CatchUp(
            admin,
            settings.application().id(),
            monitoredTopics(settings.application().id(), settings.topics().input()))
        .await(timeout, remaining -> {}, monitor::failure);
    awaitSourcesJudged(monitor, timeout);
    if (tail == null) {
      return;
    }
    try {
      if (!tail.awaitPositions(
          AlertTail.committedEnds(admin, settings.topics().alerts()), timeout)) {
        throw new StartupException(
            "could not read back every alert of "
                + settings.topics().alerts()
                + " within "
                + timeout.toSeconds()
                + " s");
      }
    } catch (StartupException e) {
      throw e;
    } catch (Exception e) {
      throw new StartupException(
          "cannot read the end offsets of " + settings.topics().alerts() + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Waits until every task has judged all its sources after the input was read: a replay's silent
   * sources show only in that judgement, made at its as-of instant.
   */
  private static void awaitSourcesJudged(StreamsRuntime monitor, Duration timeout) {
    if (!monitor.sourceJudgements().replay()) {
      return; // a monitor judges its sources as it goes
    }
    long readAll = System.currentTimeMillis();
    monitor.sourceJudgements().inputRead();
    Instant deadline = Instant.now().plus(timeout);
    awaitJudgedSince(monitor, readAll, deadline, timeout);
    // a judgement's alerts commit with the task's next commit (100 ms); the round after it, a
    // second later, comes after that commit, so the alert topic's committed end then holds them
    awaitJudgedSince(monitor, System.currentTimeMillis(), deadline, timeout);
  }

  private static void awaitJudgedSince(
      StreamsRuntime monitor, long since, Instant deadline, Duration timeout) {
    while (!monitor.sourceJudgements().allJudgedSince(since)) {
      if (monitor.failure() != null) {
        throw new StartupException(
            "the monitor stopped before judging its sources: " + monitor.failure(),
            monitor.failure());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new StartupException(
            "the sources were not judged within " + timeout.toSeconds() + " s of the input's end");
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  /**
   * The topics whose offsets say whether tradewatch has processed its input: the input and every
   * repartition topic (a figure is done only once its flow and its source have both seen it).
   */
  public static List<String> monitoredTopics(String applicationId, String inputTopic) {
    List<String> topics = new ArrayList<>();
    topics.add(inputTopic);
    topics.addAll(TradewatchTopology.repartitionTopics(applicationId));
    return topics;
  }
}
