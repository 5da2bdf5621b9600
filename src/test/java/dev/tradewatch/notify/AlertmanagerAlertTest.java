package dev.tradewatch.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

class AlertmanagerAlertTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant START = Instant.parse("2026-11-30T08:00:00Z");
  private static final Instant END = Instant.parse("2026-11-30T08:04:00Z");

  @Test
  void aFlowAlertHasTheContractsLabelsAndAnnotations() throws Exception {
    JsonNode alert =
        JSON.readTree(
            """
            {"alertId":"TUR-AZE-defence-aerospace-TUR-month-threshold-2020-09","rule":"month-threshold",
             "status":"FIRING","severity":"high","exporter":"TUR","importer":"AZE","category":"defence-aerospace",
             "reporter":"TUR","period":"2020-09","observedUsd":77100000,"baselineUsd":50000000,"ratio":1.542,
             "message":"TUR→AZE 2020-09: $77.1M in one month, at or above the $50.0M threshold",
             "detectedAt":"2026-11-27T23:10:00Z","version":1,"asOf":"2020-10-02T00:00:00Z",
             "method":"the month against a fixed threshold"}
            """);

    ObjectNode posted = AlertmanagerAlert.of(alert, START, END, "http://tw:8080");

    assertThat(JSON.writeValueAsString(posted.get("labels")))
        .isEqualTo(
            "{\"alertname\":\"TradeAnomaly\",\"rule\":\"month-threshold\",\"severity\":\"high\","
                + "\"exporter\":\"TUR\",\"importer\":\"AZE\",\"category\":\"defence-aerospace\","
                + "\"reporter\":\"TUR\",\"period\":\"2020-09\","
                + "\"alertId\":\"TUR-AZE-defence-aerospace-TUR-month-threshold-2020-09\"}");
    assertThat(posted.at("/annotations/summary").asText())
        .isEqualTo("TUR→AZE 2020-09: $77.1M in one month, at or above the $50.0M threshold");
    assertThat(posted.at("/annotations/method").asText())
        .isEqualTo("the month against a fixed threshold");
    assertThat(posted.at("/annotations/asOf").asText()).isEqualTo("2020-10-02T00:00:00Z");
    assertThat(posted.get("startsAt").asText()).isEqualTo(START.toString());
    assertThat(posted.get("endsAt").asText()).isEqualTo(END.toString());
    assertThat(posted.get("generatorURL").asText())
        .isEqualTo("http://tw:8080/api/alerts?rule=month-threshold&exporter=TUR&importer=AZE");
  }

  @Test
  void aNullFieldHasNoLabel() throws Exception {
    JsonNode alert =
        JSON.readTree(
            """
            {"alertId":"SRB-93-source-silent","rule":"source-silent","status":"FIRING","severity":"medium",
             "exporter":null,"importer":null,"category":"93","reporter":"SRB","period":"2022-12",
             "message":"SRB has published nothing for 93 since 2022-12","asOf":null,"method":null,
             "detectedAt":"2026-11-27T23:10:00Z","version":1}
            """);

    ObjectNode posted = AlertmanagerAlert.of(alert, START, END, null);

    Iterator<String> names = posted.get("labels").fieldNames();
    assertThat(names)
        .toIterable()
        .containsExactly(
            "alertname", "rule", "severity", "category", "reporter", "period", "alertId");
    assertThat(posted.get("annotations").has("asOf")).isFalse();
    assertThat(posted.get("annotations").has("method")).isFalse();
    assertThat(posted.has("generatorURL")).isFalse();
  }
}
