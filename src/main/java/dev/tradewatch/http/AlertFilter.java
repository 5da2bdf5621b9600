package dev.tradewatch.http;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertStatus;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Rules;
import dev.tradewatch.domain.rules.Severity;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The filters of {@code GET /api/alerts}, read and checked once: {@code exporter}, {@code importer}
 * (country codes, any case), {@code category}, {@code rule}, {@code severity}, {@code status}
 * (FIRING, UPDATED, RESOLVED, or {@code active} for the first two; any case) and {@code limit}
 * (default 1000). An empty value means no filter. A value that could never match is a bad request
 * naming what is valid, not an empty answer that looks like "no alerts".
 */
final class AlertFilter {

  static final int DEFAULT_LIMIT = 1000;
  static final List<String> PARAMETERS =
      List.of("exporter", "importer", "category", "rule", "severity", "status", "limit");

  private static final String ACTIVE = "active";

  private final Map<String, String> normalised;
  private final int limit;

  private AlertFilter(Map<String, String> normalised, int limit) {
    this.normalised = normalised;
    this.limit = limit;
  }

  /** The filter the query asks for; {@link ApiException} (400) for a value that is not valid. */
  static AlertFilter of(Map<String, String> query) {
    Map<String, String> normalised = new LinkedHashMap<>();
    for (String name : PARAMETERS) {
      String value = query.getOrDefault(name, "").strip();
      if (!value.isEmpty()) {
        normalised.put(name, normalise(name, value));
      }
    }
    int limit = normalised.containsKey("limit") ? limit(normalised.get("limit")) : DEFAULT_LIMIT;
    return new AlertFilter(normalised, limit);
  }

  private static String normalise(String name, String value) {
    return switch (name) {
      case "exporter", "importer" -> ApiRequest.countryCode(name, value);
      case "rule" -> rule(value).name();
      case "severity" -> severity(value).wireName();
      case "status" -> status(value);
      default -> value;
    };
  }

  boolean matches(Alert alert) {
    return is("exporter", alert.series().exporter())
        && is("importer", alert.series().importer())
        && isIgnoringCase("category", alert.series().category())
        && is("rule", alert.rule().name())
        && is("severity", alert.severity().wireName())
        && hasStatus(alert.status());
  }

  int limit() {
    return limit;
  }

  /** The filter as normalised query parameters, as other instances are asked with it. */
  Map<String, String> asQuery() {
    return new LinkedHashMap<>(normalised);
  }

  private boolean is(String name, String actual) {
    String wanted = normalised.get(name);
    return wanted == null || wanted.equals(actual);
  }

  private boolean isIgnoringCase(String name, String actual) {
    String wanted = normalised.get(name);
    return wanted == null || wanted.equalsIgnoreCase(actual);
  }

  private boolean hasStatus(AlertStatus status) {
    String wanted = normalised.get("status");
    return wanted == null
        || (wanted.equals(ACTIVE) ? status.isActive() : wanted.equals(status.name()));
  }

  private static Rule<?> rule(String value) {
    return Rules.byName(value.toLowerCase(Locale.ROOT))
        .orElseThrow(
            () ->
                ApiException.badParameter(
                    "rule",
                    "one of "
                        + Rules.ALL.stream().map(Rule::name).collect(Collectors.joining(", ")),
                    value));
  }

  private static Severity severity(String value) {
    return Arrays.stream(Severity.values())
        .filter(severity -> severity.wireName().equalsIgnoreCase(value))
        .findFirst()
        .orElseThrow(
            () ->
                ApiException.badParameter(
                    "severity",
                    "one of "
                        + Arrays.stream(Severity.values())
                            .map(Severity::wireName)
                            .collect(Collectors.joining(", ")),
                    value));
  }

  private static String status(String value) {
    if (value.equalsIgnoreCase(ACTIVE)) {
      return ACTIVE;
    }
    return Arrays.stream(AlertStatus.values())
        .map(AlertStatus::name)
        .filter(name -> name.equalsIgnoreCase(value))
        .findFirst()
        .orElseThrow(
            () ->
                ApiException.badParameter(
                    "status",
                    "one of "
                        + Arrays.stream(AlertStatus.values())
                            .map(AlertStatus::name)
                            .collect(Collectors.joining(", "))
                        + ", "
                        + ACTIVE,
                    value));
  }

  private static int limit(String value) {
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // refused below, as a negative number is
    }
    throw ApiException.badParameter("limit", "a whole number ≥ 1", value);
  }
}
