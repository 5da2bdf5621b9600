package dev.tradewatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.metrics.PipelineMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * Golden test of the topology's shape. Processor, store and repartition-topic names are part of the
 * upgrade contract: renaming one orphans a changelog or repartition topic of a running deployment.
 * If a change is deliberate, regenerate src/test/resources/topology-description.txt and say so in
 * the commit and the upgrade note in ARCHITECTURE.md ("The topology").
 */
class TopologyDescriptionTest {

  @Test
  void shouldKeepTheNamesOfProcessorsStoresAndInternalTopics() throws IOException {
    String described =
        TradewatchTopology.build(
                TopologySettings.defaults(), PipelineMetrics.discarding(), Clock.systemUTC())
            .describe()
            .toString();

    assertThat(described.strip()).isEqualTo(golden().strip());
  }

  private static String golden() throws IOException {
    try (InputStream in =
        TopologyDescriptionTest.class.getResourceAsStream("/topology-description.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
