package dev.tradewatch.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutboxTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
  private static final String ID = "TUR-AZE-defence-aerospace-TUR-month-threshold-2020-09";

  private final Outbox outbox = new Outbox(Duration.ofSeconds(60));

  @Test
  void postsANewAlertValidForFourResendIntervals() {
    outbox.record(0, alert("FIRING", "high", T0), T0);

    Map<String, ObjectNode> due = outbox.due(T0, 500, null, Set.of());

    assertThat(due).containsOnlyKeys(ID);
    assertThat(due.get(ID).get("startsAt").asText()).isEqualTo(T0.toString());
    assertThat(due.get(ID).get("endsAt").asText()).isEqualTo(T0.plusSeconds(240).toString());
    assertThat(outbox.pending()).isEqualTo(1);
  }

  @Test
  void resendsAnActiveAlertOnlyOnceItsResendIntervalHasPassed() {
    outbox.record(0, alert("FIRING", "high", T0), T0);
    outbox.sent(List.of(ID), T0);

    assertThat(outbox.pending()).isZero();
    assertThat(outbox.due(T0.plusSeconds(59), 500, null, Set.of())).isEmpty();
    Map<String, ObjectNode> resent = outbox.due(T0.plusSeconds(60), 500, null, Set.of());
    assertThat(resent).containsOnlyKeys(ID);
    assertThat(resent.get(ID).get("endsAt").asText()).isEqualTo(T0.plusSeconds(300).toString());
  }

  @Test
  void anUnacceptedPostStaysDue() {
    outbox.record(0, alert("FIRING", "high", T0), T0);
    outbox.due(
        T0, 500, null, Set.of()); // posted, but Alertmanager did not take it: sent() not called

    assertThat(outbox.due(T0.plusSeconds(1), 500, null, Set.of())).containsOnlyKeys(ID);
    assertThat(outbox.pending()).isEqualTo(1);
  }

  @Test
  void anUpdateKeepsTheFirstStartAndIsPostedAtOnce() {
    outbox.record(0, alert("FIRING", "high", T0), T0);
    outbox.sent(List.of(ID), T0);
    Instant later = T0.plusSeconds(10);
    outbox.record(0, alert("UPDATED", "high", later), later);

    Map<String, ObjectNode> due = outbox.due(later, 500, null, Set.of());

    assertThat(due).containsOnlyKeys(ID);
    assertThat(due.get(ID).get("startsAt").asText()).isEqualTo(T0.toString());
  }

  @Test
  void aResolutionEndsTheAlertAtItsDetectionThenIsForgotten() {
    outbox.record(0, alert("FIRING", "high", T0), T0);
    outbox.sent(List.of(ID), T0);
    Instant resolvedAt = T0.plusSeconds(30);
    outbox.record(0, alert("RESOLVED", "high", resolvedAt), resolvedAt.plusSeconds(1));

    Map<String, ObjectNode> due = outbox.due(resolvedAt.plusSeconds(1), 500, null, Set.of());
    assertThat(due.get(ID).get("endsAt").asText()).isEqualTo(resolvedAt.toString());
    assertThat(due.get(ID).get("startsAt").asText()).isEqualTo(T0.toString());

    outbox.sent(due.keySet(), resolvedAt.plusSeconds(1));
    assertThat(outbox.size()).isZero();
    assertThat(outbox.due(resolvedAt.plusSeconds(600), 500, null, Set.of())).isEmpty();
  }

  @Test
  void aResolutionOlderThanAPostsValidityIsNotPosted() {
    // read back from the topic after a restart: Alertmanager has let it expire long ago
    outbox.record(0, alert("FIRING", "high", T0), T0.plusSeconds(3600));
    outbox.record(0, alert("RESOLVED", "high", T0.plusSeconds(60)), T0.plusSeconds(3600));

    assertThat(outbox.due(T0.plusSeconds(3600), 500, null, Set.of())).isEmpty();
    assertThat(outbox.size()).isZero();
  }

  @Test
  void aNewSeverityEndsTheOldLabelSet() {
    outbox.record(0, alert("FIRING", "high", T0), T0);
    outbox.sent(List.of(ID), T0);
    Instant later = T0.plusSeconds(10);
    outbox.record(0, alert("UPDATED", "critical", later), later);

    Map<String, ObjectNode> due = outbox.due(later, 500, null, Set.of());

    assertThat(due).hasSize(2);
    assertThat(due.values())
        .anySatisfy(
            post -> {
              assertThat(post.at("/labels/severity").asText()).isEqualTo("high");
              assertThat(post.get("endsAt").asText()).isEqualTo(later.toString());
            })
        .anySatisfy(
            post -> {
              assertThat(post.at("/labels/severity").asText()).isEqualTo("critical");
              assertThat(post.get("endsAt").asText()).isEqualTo(later.plusSeconds(240).toString());
            });
    outbox.sent(due.keySet(), later);
    assertThat(outbox.size()).isEqualTo(1);
  }

  @Test
  void aResolutionEndsTheLabelSetTheAlertFiredWithThoughItsSeverityDiffers() {
    // a critical month revised below the threshold resolves as "high": the numbers as they stand
    outbox.record(0, alert("FIRING", "critical", T0), T0);
    outbox.sent(List.of(ID), T0);
    Instant resolvedAt = T0.plusSeconds(30);
    outbox.record(0, alert("RESOLVED", "high", resolvedAt), resolvedAt);

    Map<String, ObjectNode> due = outbox.due(resolvedAt, 500, null, Set.of());

    assertThat(due.values())
        .singleElement()
        .satisfies(
            post -> {
              assertThat(post.at("/labels/severity").asText()).isEqualTo("critical");
              assertThat(post.get("startsAt").asText()).isEqualTo(T0.toString());
              assertThat(post.get("endsAt").asText()).isEqualTo(resolvedAt.toString());
            });
    outbox.sent(due.keySet(), resolvedAt);
    assertThat(outbox.size()).isZero();
  }

  @Test
  void aSeverityThatComesBackIsNotEndedByItsEarlierChange() {
    outbox.record(0, alert("FIRING", "high", T0), T0);
    outbox.sent(List.of(ID), T0);
    Instant critical = T0.plusSeconds(10);
    Instant highAgain = T0.plusSeconds(20);
    outbox.record(0, alert("UPDATED", "critical", critical), critical);
    outbox.record(0, alert("UPDATED", "high", highAgain), highAgain);

    Map<String, ObjectNode> due = outbox.due(highAgain, 500, null, Set.of());

    // one post per label set: "high" fires on, "critical" ends (a "high" ending at 10 s, posted
    // after it in the same array, would end the alert Alertmanager shows)
    assertThat(due.values())
        .hasSize(2)
        .anySatisfy(
            post -> {
              assertThat(post.at("/labels/severity").asText()).isEqualTo("high");
              assertThat(post.get("endsAt").asText())
                  .isEqualTo(highAgain.plusSeconds(240).toString());
            })
        .anySatisfy(
            post -> {
              assertThat(post.at("/labels/severity").asText()).isEqualTo("critical");
              assertThat(post.get("endsAt").asText()).isEqualTo(highAgain.toString());
            });
  }

  @Test
  void aSeverityChangeReadBackLongAfterIsNotPosted() {
    // read back from the topic after a restart: the "high" label set expired long ago
    Instant readAt = T0.plusSeconds(3600);
    outbox.record(0, alert("FIRING", "high", T0), readAt);
    outbox.record(0, alert("UPDATED", "critical", T0.plusSeconds(10)), readAt);

    Map<String, ObjectNode> due = outbox.due(readAt, 500, null, Set.of());

    assertThat(due).containsOnlyKeys(ID);
    assertThat(due.get(ID).at("/labels/severity").asText()).isEqualTo("critical");
  }

  @Test
  void aResolutionReadLateIsPostedWhileTheAlertsLastPostIsValid() {
    // the bridge lagged: it kept re-sending the alert after the stream had resolved it
    outbox.record(0, alert("FIRING", "high", T0), T0);
    Instant lastSent = T0.plusSeconds(3500);
    outbox.sent(List.of(ID), lastSent);
    Instant resolvedAt = T0.plusSeconds(60);
    outbox.record(0, alert("RESOLVED", "high", resolvedAt), T0.plusSeconds(3600));

    Map<String, ObjectNode> due = outbox.due(T0.plusSeconds(3600), 500, null, Set.of());

    assertThat(due).containsOnlyKeys(ID);
    assertThat(due.get(ID).get("endsAt").asText()).isEqualTo(resolvedAt.toString());
  }

  @Test
  void firingAgainUnderAnotherSeverityStillEndsTheResolvedLabelSet() {
    outbox.record(0, alert("FIRING", "critical", T0), T0);
    outbox.sent(List.of(ID), T0);
    Instant resolvedAt = T0.plusSeconds(10);
    Instant firesAgain = T0.plusSeconds(20);
    outbox.record(0, alert("RESOLVED", "critical", resolvedAt), resolvedAt);
    outbox.record(0, alert("FIRING", "high", firesAgain), firesAgain); // before any post

    Map<String, ObjectNode> due = outbox.due(firesAgain, 500, null, Set.of());

    assertThat(due.values())
        .hasSize(2)
        .anySatisfy(
            post -> {
              assertThat(post.at("/labels/severity").asText()).isEqualTo("critical");
              assertThat(post.get("endsAt").asText()).isEqualTo(resolvedAt.toString());
            })
        .anySatisfy(
            post -> {
              assertThat(post.at("/labels/severity").asText()).isEqualTo("high");
              assertThat(post.get("startsAt").asText()).isEqualTo(firesAgain.toString());
            });
  }

  @Test
  void changesComeFirstAndAPostIsBounded() {
    for (int i = 0; i < 5; i++) {
      outbox.record(0, alert("FIRING", "high", T0, ID + i), T0);
    }
    outbox.sent(outbox.due(T0, 500, null, Set.of()).keySet(), T0);
    Instant later = T0.plusSeconds(60); // all five due for a resend
    outbox.record(0, alert("UPDATED", "high", later, ID + 3), later);

    Map<String, ObjectNode> due = outbox.due(later, 2, null, Set.of());

    assertThat(due).hasSize(2).containsKey(ID + 3);
  }

  @Test
  void holdsBackOnlyThePartitionsStillBeingRead() {
    outbox.record(0, alert("FIRING", "high", T0, "a"), T0);
    outbox.record(1, alert("FIRING", "high", T0, "b"), T0);

    assertThat(outbox.due(T0, 500, null, Set.of(1))).containsOnlyKeys("a");
  }

  @Test
  void forgetsThePartitionsItNoLongerOwns() {
    outbox.record(0, alert("FIRING", "high", T0, "a"), T0);
    outbox.record(1, alert("FIRING", "high", T0, "b"), T0);

    outbox.forget(List.of(1));

    assertThat(outbox.due(T0, 500, null, Set.of())).containsOnlyKeys("a");
  }

  @Test
  void ignoresARecordWithoutAnAlertId() {
    outbox.record(0, JSON.createObjectNode().put("status", "FIRING"), T0);

    assertThat(outbox.size()).isZero();
  }

  private static JsonNode alert(String status, String severity, Instant detectedAt) {
    return alert(status, severity, detectedAt, ID);
  }

  private static JsonNode alert(String status, String severity, Instant detectedAt, String id) {
    return JSON.createObjectNode()
        .put("alertId", id)
        .put("rule", "month-threshold")
        .put("status", status)
        .put("severity", severity)
        .put("exporter", "TUR")
        .put("importer", "AZE")
        .put("category", "defence-aerospace")
        .put("reporter", "TUR")
        .put("period", "2020-09")
        .put("message", "TUR→AZE 2020-09: $77.1M in one month")
        .put("detectedAt", detectedAt.toString());
  }
}
