package dev.tradewatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's PromQL, as Grafana's dashboard linter checks it: rate(), irate() and increase()
 * range over $__rate_interval and counters are read only through them (target-rate-interval-rule,
 * target-counter-agg-rule); and every expression, the variables' selectors included, parses
 * (target-promql-rule, template-label-promql-rule). promtool parses them offline: each expression,
 * variables filled in with the values the dashboard opens with, becomes a recording rule of a file
 * that {@code promtool check rules} reads.
 */
class DashboardPromQlTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RATE_CALL = Pattern.compile("\\b(rate|irate|increase)\\s*\\(");
  private static final Pattern RANGE = Pattern.compile("\\[([^\\]]*)]");
  private static final Pattern COUNTER =
      Pattern.compile("\\b[A-Za-z_:][\\w:]*_(?:total|bucket)\\b");
  private static final Pattern VARIABLE_QUERY = Pattern.compile("(\\w+)\\((.*)\\)", Pattern.DOTALL);
  private static final Set<String> VARIABLE_FUNCTIONS =
      Set.of("label_names", "label_values", "metrics", "query_result");

  private static DashboardJson dashboard;

  @BeforeAll
  static void readDashboard() throws IOException {
    dashboard = DashboardJson.read();
  }

  @Test
  void rateFunctionsShouldRangeOverRateIntervalAndCountersGoThroughThem() {
    Map<String, String> queries = dashboard.prometheusQueries();
    List<String> problems = new ArrayList<>();
    queries.forEach(
        (where, expr) -> rangeProblems(expr).forEach(p -> problems.add(where + ": " + p)));

    assertThat(queries).hasSizeGreaterThanOrEqualTo(10);
    assertThat(problems).isEmpty();
  }

  @Test
  void rangeCheckShouldFindFixedRangesAndBareCounters() {
    assertThat(rangeProblems("sum by (rule) (rate(tradewatch_alerts_total[$__rate_interval]))"))
        .isEmpty();
    assertThat(rangeProblems("sum(increase(tradewatch_alerts_total[5m]))"))
        .containsExactly("increase() ranges over [5m], not [$__rate_interval]");
    assertThat(rangeProblems("sum(tradewatch_figures_total)"))
        .containsExactly("tradewatch_figures_total is read without rate(), irate() or increase()");
  }

  @Test
  void everyQueryAndVariableSelectorShouldParse(@TempDir Path dir) throws Exception {
    Path promtool = ExternalTools.require("promtool", "prometheus");
    Map<String, String> expressions = filledExpressions();

    ExternalTools.Result result = checkRules(promtool, dir, expressions);

    assertThat(expressions).hasSizeGreaterThanOrEqualTo(10);
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS: " + expressions.size() + " rules found");
  }

  @Test
  void promtoolCheckShouldRefuseAnExpressionThatDoesNotParse(@TempDir Path dir) throws Exception {
    Path promtool = ExternalTools.require("promtool", "prometheus");

    ExternalTools.Result result =
        checkRules(promtool, dir, Map.of("panel 1 A", "sum(rate(tradewatch_alerts_total[1m])"));

    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("panel_1_A");
  }

  /**
   * Every Prometheus query, and the selector of every Prometheus variable, with variables and
   * globals replaced by the values the dashboard opens with ($__rate_interval by 1m).
   */
  private static Map<String, String> filledExpressions() {
    Map<String, String> values = dashboard.sampleValues();
    Map<String, String> expressions = new LinkedHashMap<>();
    dashboard.prometheusQueries().forEach((where, expr) -> expressions.put(where, expr));
    for (JsonNode variable : dashboard.variables()) {
      if (variable.path("datasource").path("type").asText().equals("prometheus")) {
        JsonNode query = variable.path("query");
        String text = query.isObject() ? query.path("query").asText() : query.asText();
        expressions.put("variable " + variable.path("name").asText(), variableExpression(text));
      }
    }
    expressions.replaceAll((where, expr) -> DashboardJson.substitute(expr, values));
    expressions.forEach(
        (where, expr) -> assertThat(expr).as("%s, variables filled in", where).doesNotContain("$"));
    return expressions;
  }

  /**
   * The PromQL inside a Prometheus variable's query: {@code label_values(selector, label)} or
   * {@code query_result(expr)}; the other functions Grafana offers hold none ("up", an expression
   * that always parses, stands in).
   */
  private static String variableExpression(String query) {
    Matcher call = VARIABLE_QUERY.matcher(query.trim());
    assertThat(call.matches()).as("a Prometheus variable query: %s", query).isTrue();
    assertThat(VARIABLE_FUNCTIONS).as(query).contains(call.group(1));
    String arguments = call.group(2);
    return switch (call.group(1)) {
      case "query_result" -> arguments;
      case "label_values" ->
          arguments.contains(",") ? arguments.substring(0, arguments.lastIndexOf(',')) : "up";
      default -> "up";
    };
  }

  private static ExternalTools.Result checkRules(
      Path promtool, Path dir, Map<String, String> expressions) throws Exception {
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
    for (Map.Entry<String, String> e : expressions.entrySet()) {
      // a JSON string is a valid YAML double-quoted scalar
      rules
          .append("      - record: ")
          .append(e.getKey().replaceAll("\\W", "_"))
          .append("\n        expr: ")
          .append(quoted(e.getValue()))
          .append('\n');
    }
    Files.writeString(dir.resolve("dashboard-rules.yml"), rules.toString());
    return ExternalTools.run(
        dir, List.of(promtool.toString(), "check", "rules", "dashboard-rules.yml"));
  }

  private static String quoted(String text) throws JsonProcessingException {
    return JSON.writeValueAsString(text);
  }

  /**
   * What the linter would say about the ranges of {@code expr}: a rate function over anything but
   * [$__rate_interval], or a counter (or histogram bucket) read outside one.
   */
  static List<String> rangeProblems(String expr) {
    List<String> problems = new ArrayList<>();
    List<int[]> rateArguments = new ArrayList<>();
    Matcher call = RATE_CALL.matcher(expr);
    while (call.find()) {
      int end = closingParenthesis(expr, call.end() - 1);
      rateArguments.add(new int[] {call.start(), end});
      Matcher range = RANGE.matcher(expr.substring(call.end(), end));
      boolean ranged = false;
      while (range.find()) {
        ranged = true;
        if (!range.group(1).equals("$__rate_interval")) {
          problems.add(
              call.group(1) + "() ranges over [" + range.group(1) + "], not [$__rate_interval]");
        }
      }
      if (!ranged) {
        problems.add(call.group(1) + "() has no range");
      }
    }
    Matcher counter = COUNTER.matcher(expr);
    while (counter.find()) {
      int at = counter.start();
      if (rateArguments.stream().noneMatch(a -> a[0] < at && at < a[1])) {
        problems.add(counter.group() + " is read without rate(), irate() or increase()");
      }
    }
    return problems;
  }

  /** The index of the parenthesis that closes the one at {@code open}, quoted text skipped. */
  private static int closingParenthesis(String expr, int open) {
    int depth = 0;
    Character quote = null;
    for (int i = open; i < expr.length(); i++) {
      char c = expr.charAt(i);
      if (quote != null) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = null;
        }
      } else if (c == '"' || c == '\'' || c == '`') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return expr.length(); // unbalanced: promtool says so
  }
}
