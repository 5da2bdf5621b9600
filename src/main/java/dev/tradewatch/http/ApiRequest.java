package dev.tradewatch.http;

import dev.tradewatch.domain.figures.Countries;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request to the API, read and checked before any state is: which resource, its country codes
 * (any case in the path and in filters, upper case from here on), the alert filter, and whether
 * only this instance's state is wanted ({@code scope=local}). An unknown path is a 404, a bad or
 * unknown parameter a 400, each naming what is valid.
 */
record ApiRequest(
    ApiRequest.Resource resource,
    String exporter,
    String importer,
    AlertFilter filter,
    boolean localOnly) {

  enum Resource {
    HEALTH,
    ALERTS,
    SERIES
  }

  static final String SCOPE = "scope";
  static final String LOCAL = "local";

  private static final Pattern SERIES = Pattern.compile("/api/series/([^/]+)/([^/]+)/?");

  /** The request for {@code path} and its raw (still encoded) query, or {@link ApiException}. */
  static ApiRequest of(String path, String rawQuery) {
    if (path.equals("/health")) {
      return new ApiRequest(Resource.HEALTH, null, null, null, false);
    }
    Map<String, String> query = query(rawQuery);
    if (path.equals("/api/alerts") || path.equals("/api/alerts/")) {
      checkNames(query, AlertFilter.PARAMETERS);
      return new ApiRequest(Resource.ALERTS, null, null, AlertFilter.of(query), localOnly(query));
    }
    Matcher series = SERIES.matcher(path);
    if (series.matches()) {
      checkNames(query, List.of());
      return new ApiRequest(
          Resource.SERIES,
          countryCode("exporter", series.group(1)),
          countryCode("importer", series.group(2)),
          null,
          localOnly(query));
    }
    throw new ApiException(
        404,
        "no such resource; try /metrics, /health, /api/alerts, /api/series/{exporter}/{importer}, "
            + SchemaFiles.FIGURE
            + ", "
            + SchemaFiles.ALERT);
  }

  /** A country code in any case, in upper case; {@link ApiException} when it is not one. */
  static String countryCode(String name, String value) {
    String code = value.strip().toUpperCase(Locale.ROOT);
    if (!Countries.isKnown(code)) {
      throw ApiException.badParameter(name, "an ISO 3166-1 alpha-3 code or WLD", value);
    }
    return code;
  }

  private static void checkNames(Map<String, String> query, List<String> parameters) {
    List<String> known = new ArrayList<>(parameters);
    known.add(SCOPE);
    for (String name : query.keySet()) {
      if (!known.contains(name)) {
        throw new ApiException(
            400, "unknown parameter " + name + "; expected " + String.join(", ", known));
      }
    }
  }

  private static boolean localOnly(Map<String, String> query) {
    String scope = query.getOrDefault(SCOPE, "");
    if (!scope.isEmpty() && !scope.equals(LOCAL)) {
      throw ApiException.badParameter(SCOPE, LOCAL, scope);
    }
    return scope.equals(LOCAL);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    try {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        if (!name.isEmpty()) {
          query.put(
              URLDecoder.decode(name, StandardCharsets.UTF_8),
              URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
      }
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "malformed query: " + e.getMessage());
    }
    return query;
  }
}
