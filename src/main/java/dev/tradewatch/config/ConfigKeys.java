package dev.tradewatch.config;

import dev.tradewatch.domain.rules.KeyNames;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.Rules;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every {@code tradewatch.*} key with its built-in default, and the mapping from environment
 * variable names. The rules' keys and defaults come from the rules themselves ({@link Rules#ALL}).
 */
public final class ConfigKeys {

  public static final String PREFIX = "tradewatch.";
  public static final String KAFKA_PREFIX = "kafka.";
  public static final String ENV_PREFIX = "TRADEWATCH_";

  public static final String BOOTSTRAP_SERVERS = "tradewatch.bootstrap-servers";
  public static final String APPLICATION_ID = "tradewatch.application-id";
  public static final String STATE_DIR = "tradewatch.state-dir";
  public static final String PROCESSING_GUARANTEE = "tradewatch.processing-guarantee";
  public static final String STARTUP_TIMEOUT = "tradewatch.startup-timeout-seconds";
  public static final String HTTP_PORT = "tradewatch.http.port";
  public static final String HTTP_BIND_ADDRESS = "tradewatch.http.bind-address";
  public static final String HTTP_ADVERTISED_HOST = "tradewatch.http.advertised-host";
  public static final String HTTP_USERNAME = "tradewatch.http.username";
  public static final String HTTP_PASSWORD = "tradewatch.http.password";
  public static final String HTTP_KEYSTORE = "tradewatch.http.tls.keystore";
  public static final String HTTP_KEYSTORE_PASSWORD = "tradewatch.http.tls.keystore-password";
  public static final String ALERTMANAGER_URL = "tradewatch.alertmanager.url";
  public static final String ALERTMANAGER_USERNAME = "tradewatch.alertmanager.username";
  public static final String ALERTMANAGER_PASSWORD = "tradewatch.alertmanager.password";
  public static final String ALERTMANAGER_TRUSTSTORE = "tradewatch.alertmanager.tls.truststore";
  public static final String ALERTMANAGER_TRUSTSTORE_PASSWORD =
      "tradewatch.alertmanager.tls.truststore-password";
  public static final String ALERTMANAGER_RESEND = "tradewatch.alertmanager.resend-seconds";
  public static final String METRICS_SERIES_GAUGES = "tradewatch.metrics.series-gauges";
  public static final String METRICS_REFRESH = "tradewatch.metrics.refresh-seconds";
  public static final String TOPIC_INPUT = "tradewatch.topics.input";
  public static final String TOPIC_ALERTS = "tradewatch.topics.alerts";
  public static final String TOPIC_DEAD_LETTER = "tradewatch.topics.dead-letter";
  public static final String TOPIC_RULES = "tradewatch.topics.rules";
  public static final String TOPICS_CREATE = "tradewatch.topics.create";
  public static final String TOPICS_PARTITIONS = "tradewatch.topics.partitions";
  public static final String TOPICS_REPLICATION = "tradewatch.topics.replication-factor";
  public static final String MAX_RECORD_BYTES = "tradewatch.input.max-record-bytes";

  /** How rule keys are spelled: under {@code tradewatch.rules.}. */
  public static final KeyNames RULE_KEYS = new KeyNames("tradewatch.rules.");

  /** Every fixed key and its default, in documentation order (after RULE_KEYS, which it uses). */
  public static final Map<String, String> DEFAULTS = defaults();

  /**
   * {@code tradewatch.rules.<rule>.overrides.<selector>.<key>}: the selector is everything up to
   * the last dot (a category may contain dots), and starts with an exporter and an importer.
   */
  private static final Pattern OVERRIDE =
      Pattern.compile(
          "tradewatch\\.rules\\.([a-z-]+)\\.overrides\\.((?:[A-Z]{3}|\\*)-(?:[A-Z]{3}|\\*)(?:-.*)?)"
              + "\\.([a-z-]+)");

  private ConfigKeys() {}

  /** E.g. {@code tradewatch.rules.ytd-ratio.ratio}. */
  public static String ruleKey(Rule<?> rule, String key) {
    return RULE_KEYS.global(rule, key);
  }

  /** E.g. {@code tradewatch.rules.ytd-ratio.overrides.TUR-*-93.ratio}. */
  public static String overrideKey(Rule<?> rule, String selector, String key) {
    return RULE_KEYS.override(rule, selector, key);
  }

  /**
   * An override key in its parts; empty when {@code key} is not one, or names an unknown rule or a
   * key the rule does not have. The selector's codes and category are not checked yet.
   */
  static Optional<OverrideKey> parseOverride(String key) {
    Matcher matcher = OVERRIDE.matcher(key);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String ruleKey = matcher.group(3);
    return Rules.byName(matcher.group(1))
        .filter(rule -> rule.defaults().containsKey(ruleKey))
        .map(rule -> new OverrideKey(rule, matcher.group(2), ruleKey));
  }

  /**
   * The key an environment variable stands for: {@code TRADEWATCH_TOPICS_DEAD_LETTER} → {@code
   * tradewatch.topics.dead-letter}, {@code TRADEWATCH_KAFKA_SASL_MECHANISM} → {@code
   * kafka.sasl.mechanism}, {@code TRADEWATCH_RULES_MONTH_THRESHOLD_OVERRIDES_TUR_USA_THRESHOLD_USD}
   * → the override key.
   */
  static Optional<String> keyForEnv(String variable) {
    if (variable.startsWith(ENV_PREFIX + "KAFKA_")) {
      return Optional.of(
          KAFKA_PREFIX
              + variable
                  .substring((ENV_PREFIX + "KAFKA_").length())
                  .toLowerCase(Locale.ROOT)
                  .replace('_', '.'));
    }
    for (String key : DEFAULTS.keySet()) {
      if (envName(key).equals(variable)) {
        return Optional.of(key);
      }
    }
    for (Rule<?> rule : Rules.ALL) {
      String prefix = envName("tradewatch.rules." + rule.name() + ".overrides.");
      if (variable.startsWith(prefix) && variable.length() > prefix.length() + 8) {
        String exporter = variable.substring(prefix.length(), prefix.length() + 3);
        String importer = variable.substring(prefix.length() + 4, prefix.length() + 7);
        String rest = variable.substring(prefix.length() + 8);
        for (String ruleKey : rule.defaults().keySet()) {
          if (envName(ruleKey).equals(rest)) {
            return Optional.of(overrideKey(rule, exporter + "-" + importer, ruleKey));
          }
        }
      }
    }
    return Optional.empty();
  }

  static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put(BOOTSTRAP_SERVERS, "localhost:9092");
    defaults.put(APPLICATION_ID, "tradewatch");
    defaults.put(
        STATE_DIR, Path.of(System.getProperty("user.home"), ".tradewatch", "state").toString());
    defaults.put(PROCESSING_GUARANTEE, "exactly_once_v2");
    defaults.put(STARTUP_TIMEOUT, "30");
    defaults.put(HTTP_PORT, "8080");
    defaults.put(HTTP_BIND_ADDRESS, "0.0.0.0");
    defaults.put(HTTP_ADVERTISED_HOST, "");
    defaults.put(HTTP_USERNAME, "");
    defaults.put(HTTP_PASSWORD, "");
    defaults.put(HTTP_KEYSTORE, "");
    defaults.put(HTTP_KEYSTORE_PASSWORD, "");
    defaults.put(ALERTMANAGER_URL, "");
    defaults.put(ALERTMANAGER_USERNAME, "");
    defaults.put(ALERTMANAGER_PASSWORD, "");
    defaults.put(ALERTMANAGER_TRUSTSTORE, "");
    defaults.put(ALERTMANAGER_TRUSTSTORE_PASSWORD, "");
    defaults.put(ALERTMANAGER_RESEND, "60");
    defaults.put(METRICS_SERIES_GAUGES, "50");
    defaults.put(METRICS_REFRESH, "10");
    defaults.put(TOPIC_INPUT, Topics.DEFAULT_INPUT);
    defaults.put(TOPIC_ALERTS, Topics.DEFAULT_ALERTS);
    defaults.put(TOPIC_DEAD_LETTER, Topics.DEFAULT_DEAD_LETTER);
    defaults.put(TOPIC_RULES, Topics.DEFAULT_RULES);
    defaults.put(TOPICS_CREATE, "true");
    defaults.put(TOPICS_PARTITIONS, "4");
    defaults.put(TOPICS_REPLICATION, "-1");
    defaults.put(MAX_RECORD_BYTES, "65536");
    for (Rule<?> rule : Rules.ALL) {
      rule.defaults().forEach((key, value) -> defaults.put(ruleKey(rule, key), value));
    }
    return Collections.unmodifiableMap(defaults);
  }
}
