package dev.tradewatch.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradewatch.domain.figures.FigureValidator;
import dev.tradewatch.domain.figures.RejectReason;
import dev.tradewatch.domain.figures.Validation;
import dev.tradewatch.testing.Schemas;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the figure schema and the parser (as the topology runs it: default record limit, the
 * fixture's clock) each say about one record value.
 */
record FigureVerdicts(String json, JsonNode tree, boolean schemaAccepts, Validation parsed) {

  static final FigureParser PARSER =
      new FigureParser(
          new FigureValidator(Clock.fixed(TopologyFixture.NOW, ZoneOffset.UTC)),
          TopologySettings.defaults().maxRecordBytes());

  /**
   * The refusals the schema's description names as beyond a schema: the wire names in back quotes
   * (`same-country`) that are reject reasons.
   */
  static final Set<String> NAMED_BEYOND_THE_SCHEMA = namedReasons();

  static FigureVerdicts of(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    JsonNode tree = Schemas.tree(bytes);
    return new FigureVerdicts(
        json, tree, Schemas.figureAccepts(tree), PARSER.parse(bytes, TopologyFixture.NOW));
  }

  /** Why the schema refuses the figure, for assertion messages; empty when it accepts it. */
  List<String> schemaErrors() {
    return Schemas.figureErrors(tree);
  }

  /** The parser's reason for refusing, or null when it accepts. */
  String refusal() {
    return parsed.isAccepted() ? null : parsed.rejection().reason().wireName();
  }

  private static Set<String> namedReasons() {
    Set<String> reasons =
        Arrays.stream(RejectReason.values())
            .map(RejectReason::wireName)
            .collect(Collectors.toSet());
    Matcher quoted =
        Pattern.compile("`([a-z-]+)`").matcher(Schemas.figureSchema().get("description").asText());
    return quoted
        .results()
        .map(m -> m.group(1))
        .filter(reasons::contains)
        .collect(Collectors.toSet());
  }
}
