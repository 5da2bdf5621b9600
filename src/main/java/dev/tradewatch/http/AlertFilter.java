package dev.tradewatch.http;

import dev.tradewatch.domain.alerts.Alert;
import java.util.Map;

/**
 * The filters of {@code GET /api/alerts}: {@code exporter}, {@code importer}, {@code category},
 * {@code rule}, {@code severity}, {@code status} (FIRING, UPDATED, RESOLVED, or {@code active} for
 * the first two) and {@code limit} (default 1000).
 */
final class AlertFilter {

  static final int DEFAULT_LIMIT = 1000;

  private AlertFilter() {}

  static boolean matches(Alert alert, Map<String, String> query) {
    return is(query.get("exporter"), alert.series().exporter())
        && is(query.get("importer"), alert.series().importer())
        && is(query.get("category"), alert.series().category())
        && is(query.get("rule"), alert.rule().name())
        && is(query.get("severity"), alert.severity().wireName())
        && status(query.get("status"), alert);
  }

  static long limit(Map<String, String> query) {
    try {
      return query.containsKey("limit")
          ? Math.max(0, Long.parseLong(query.get("limit")))
          : DEFAULT_LIMIT;
    } catch (NumberFormatException e) {
      return DEFAULT_LIMIT;
    }
  }

  private static boolean status(String wanted, Alert alert) {
    if (wanted == null) {
      return true;
    }
    return "active".equalsIgnoreCase(wanted)
        ? alert.status().isActive()
        : alert.status().name().equalsIgnoreCase(wanted);
  }

  private static boolean is(String wanted, String actual) {
    return wanted == null || wanted.isEmpty() || wanted.equalsIgnoreCase(actual);
  }
}
