package dev.tradewatch.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.config.Settings;
import dev.tradewatch.config.SettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When local state is kept and when it is deleted before the client starts. */
class LocalStateGuardTest {

  private static final String CHANGELOG = "watch-flow-store-changelog";
  private static final String REPARTITION = "watch-figures-by-flow-repartition";
  private static final ClusterIdentity RECORDED =
      new ClusterIdentity(
          "cluster-a", Map.of(CHANGELOG, "changelog-id-1", REPARTITION, "repartition-id-1"));

  @TempDir Path stateDir;
  private StateOwnerFile record;
  private LocalStateGuard guard;

  @BeforeEach
  void setUp() {
    Settings settings =
        SettingsLoader.load(
            null,
            Map.of(),
            Map.of(
                "tradewatch.state-dir", stateDir.toString(), "tradewatch.application-id", "watch"));
    record = new StateOwnerFile(stateDir, "watch");
    guard = new LocalStateGuard(settings);
  }

  @AfterEach
  void tearDown() {
    guard.close();
  }

  @Test
  void shouldKeepTheStateWhenNoOwnerIsRecordedYet() {
    assertThat(guard.reasonToDelete(RECORDED)).isEmpty();
  }

  @Test
  void shouldKeepTheStateWhenClusterAndTopicIdsAreTheSame() throws IOException {
    record.write(RECORDED);

    assertThat(guard.reasonToDelete(RECORDED)).isEmpty();
  }

  @Test
  void shouldKeepTheStateWhenOnlyNewInternalTopicsAppeared() throws IOException {
    record.write(new ClusterIdentity("cluster-a", Map.of()));

    assertThat(guard.reasonToDelete(RECORDED)).isEmpty();
  }

  @Test
  void shouldDeleteTheStateWhenItBelongsToAnotherCluster() throws IOException {
    record.write(RECORDED);

    assertThat(guard.reasonToDelete(new ClusterIdentity("cluster-b", Map.of())))
        .hasValue("it was built on Kafka cluster cluster-a and this is cluster cluster-b");
  }

  @Test
  void shouldDeleteTheStateWhenAnInternalTopicWasRecreated() throws IOException {
    record.write(RECORDED);

    assertThat(
            guard.reasonToDelete(
                new ClusterIdentity(
                    "cluster-a",
                    Map.of(CHANGELOG, "changelog-id-2", REPARTITION, "repartition-id-1"))))
        .hasValue(
            "its internal topic "
                + CHANGELOG
                + " was recreated (topic id changelog-id-1, now changelog-id-2)");
  }

  @Test
  void shouldDeleteTheStateWhenARecordedInternalTopicIsGone() throws IOException {
    record.write(RECORDED);

    assertThat(
            guard.reasonToDelete(
                new ClusterIdentity("cluster-a", Map.of(CHANGELOG, "changelog-id-1"))))
        .hasValue("its internal topic " + REPARTITION + " no longer exists");
  }

  @Test
  void shouldDeleteTheStateWhenTheRecordIsUnreadable() throws IOException {
    Files.writeString(record.path(), "topic.x=1\n");

    assertThat(guard.reasonToDelete(RECORDED)).get().asString().contains("unreadable");
  }

  @Test
  void shouldKeepTheRecordOutsideTheDirectoryThatCleanUpDeletes() throws IOException {
    record.write(RECORDED);

    assertThat(record.path()).isEqualTo(stateDir.resolve("watch.owner"));
    assertThat(record.read()).hasValue(RECORDED);
  }
}
