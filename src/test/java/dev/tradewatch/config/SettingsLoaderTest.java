package dev.tradewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewatch.domain.figures.Usd;
import dev.tradewatch.domain.rules.DetectionConfig;
import dev.tradewatch.domain.rules.DormantPartner;
import dev.tradewatch.domain.rules.MonthSpike;
import dev.tradewatch.domain.rules.MonthThreshold;
import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.RuleSettings;
import dev.tradewatch.domain.rules.Rules;
import dev.tradewatch.domain.rules.Scope;
import dev.tradewatch.domain.rules.ScopeKey;
import dev.tradewatch.domain.rules.YtdRatio;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

  @TempDir Path dir;

  @Test
  void shouldUseTheContractsDefaults() {
    Settings settings = SettingsLoader.load(null, Map.of(), Map.of());

    assertThat(settings.topics().input()).isEqualTo("trade.figures");
    assertThat(settings.topics().alerts()).isEqualTo("trade.alerts");
    assertThat(settings.topics().deadLetter()).isEqualTo("trade.figures.dlq");
    assertThat(settings.application().guarantee().kafkaName()).isEqualTo("exactly_once_v2");
    assertThat(settings.http().port()).isEqualTo(8080);
    assertThat(settings.detection().global()).isEqualTo(RuleSettings.defaults());
  }

  @Test
  void shouldLayerFileUnderEnvironmentUnderFlags() throws IOException {
    Path file =
        write(
            "tradewatch.bootstrap-servers=file:9092\ntradewatch.application-id=from-file\n"
                + "tradewatch.topics.input=file.figures\n");
    Map<String, String> env =
        Map.of(
            "TRADEWATCH_APPLICATION_ID",
            "from-env",
            "TRADEWATCH_TOPICS_INPUT",
            "env.figures",
            "PATH",
            "/usr/bin");
    Map<String, String> flags = Map.of("tradewatch.topics.input", "flag.figures");

    Settings settings = SettingsLoader.load(file, env, flags);

    assertThat(settings.cluster().bootstrapServers()).isEqualTo("file:9092");
    assertThat(settings.application().id()).isEqualTo("from-env");
    assertThat(settings.topics().input()).isEqualTo("flag.figures");
  }

  @Test
  void shouldReadGlobalRulesAndPerPairOverridesWithTheContractsKeys() throws IOException {
    Path file =
        write(
            """
                tradewatch.rules.month-threshold.threshold-usd=60000000
                tradewatch.rules.ytd-ratio.ratio=4.5
                tradewatch.rules.month-threshold.overrides.TUR-USA.threshold-usd=100000000
                tradewatch.rules.month-spike.overrides.TUR-WLD.enabled=false
                """);

    Settings settings = SettingsLoader.load(file, Map.of(), Map.of());

    assertThat(settings.detection().global().of(MonthThreshold.RULE).thresholdCents())
        .isEqualTo(Usd.toCents(60_000_000L));
    assertThat(settings.detection().global().of(YtdRatio.RULE).ratio()).isEqualByComparingTo("4.5");
    RuleSettings usa = settings.detection().forFlow("TUR", "USA", "total");
    assertThat(usa.of(MonthThreshold.RULE).thresholdCents()).isEqualTo(Usd.toCents(100_000_000L));
    assertThat(usa.of(YtdRatio.RULE).ratio()).isEqualByComparingTo(new BigDecimal("4.5"));
    assertThat(settings.detection().forFlow("TUR", "WLD", "total").of(MonthSpike.RULE).enabled())
        .isFalse();
    assertThat(
            settings
                .detection()
                .forFlow("TUR", "WLD", "total")
                .of(MonthThreshold.RULE)
                .thresholdCents())
        .isEqualTo(Usd.toCents(60_000_000L));
    assertThat(settings.detection().forFlow("TUR", "AZE", "total"))
        .isEqualTo(settings.detection().global());
  }

  @Test
  void shouldMapEnvironmentVariablesToRuleOverridesAndKafkaKeys() {
    Settings settings =
        SettingsLoader.load(
            null,
            Map.of(
                "TRADEWATCH_RULES_MONTH_THRESHOLD_OVERRIDES_TUR_USA_THRESHOLD_USD", "100000000",
                "TRADEWATCH_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"),
            Map.of());

    assertThat(
            settings
                .detection()
                .forFlow("TUR", "USA", "total")
                .of(MonthThreshold.RULE)
                .thresholdCents())
        .isEqualTo(Usd.toCents(100_000_000L));
    assertThat(settings.cluster().clientOverrides()).containsEntry("security.protocol", "SASL_SSL");
  }

  @Test
  void shouldReadTheDormantPartnerKeysGloballyByEnvironmentAndBySelector() throws IOException {
    Path file =
        write(
            """
                tradewatch.rules.dormant-partner.dormant-usd=50000
                tradewatch.rules.dormant-partner.overrides.TUR-*-defence-aerospace.min-known-months=6
                """);

    DetectionConfig detection =
        SettingsLoader.load(
                file,
                Map.of(
                    "TRADEWATCH_RULES_DORMANT_PARTNER_OVERRIDES_TUR_ARM_FLOOR_USD", "1000000",
                    "TRADEWATCH_RULES_DORMANT_PARTNER_ENABLED", "true"),
                Map.of())
            .detection();

    assertThat(detection.forFlow("TUR", "ARM", "defence-aerospace").of(DormantPartner.RULE))
        .isEqualTo(new DormantPartner.Settings(true, 100_000_000L, 5_000_000L, 6));
    assertThat(detection.forFlow("DEU", "ARM", "total").of(DormantPartner.RULE))
        .isEqualTo(new DormantPartner.Settings(true, 200_000_000L, 5_000_000L, 12));
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    null,
                    Map.of(),
                    Map.of("tradewatch.rules.dormant-partner.min-known-months", "25")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "tradewatch.rules.dormant-partner.min-known-months: expected a whole number from 1 to"
                + " 24, found 25");
  }

  @Test
  void shouldReadScopesAndOverridesBySelectorFromAFile() throws IOException {
    Path file =
        write(
            """
                tradewatch.rules.month-threshold.categories=93, defence-aerospace
                tradewatch.rules.month-spike.overrides.TUR-*-defence-aerospace.factor=6
                tradewatch.rules.month-spike.overrides.TUR-USA.factor=4
                tradewatch.rules.month-spike.overrides.*-USA.factor=3
                tradewatch.rules.month-threshold.overrides.*-*-93.enabled=false
                tradewatch.rules.ytd-ratio.overrides.TUR-*.importers=AZE,ARM
                """);

    DetectionConfig detection = SettingsLoader.load(file, Map.of(), Map.of()).detection();

    assertThat(detection.global().of(MonthThreshold.RULE).scope().lists())
        .containsEntry(ScopeKey.CATEGORIES, Set.of("93", "defence-aerospace"));
    assertThat(spikeFactor(detection, "TUR", "USA", "defence-aerospace")).isEqualTo("6");
    assertThat(spikeFactor(detection, "TUR", "USA", "total")).isEqualTo("4");
    assertThat(spikeFactor(detection, "DEU", "USA", "defence-aerospace")).isEqualTo("3");
    assertThat(detection.forFlow("DEU", "FRA", "93").of(MonthThreshold.RULE).enabled()).isFalse();
    assertThat(detection.forFlow("TUR", "GRC", "93").of(YtdRatio.RULE).scope().lists())
        .containsEntry(ScopeKey.IMPORTERS, Set.of("AZE", "ARM"));
  }

  @Test
  void shouldLoadTheArmsWatchExampleOfTheContract() {
    Path example = Path.of("docs/examples/arms-watch.properties");

    DetectionConfig detection = SettingsLoader.load(example, Map.of(), Map.of()).detection();

    Set<String> arms = Set.of("93", "8710", "8802", "8906", "defence-aerospace");
    for (Rule<?> rule : Rules.ALL) {
      assertThat(detection.global().of(rule).scope().lists())
          .containsExactly(Map.entry(ScopeKey.CATEGORIES, arms));
    }
    assertThat(spikeFactor(detection, "TUR", "AZE", "defence-aerospace")).isEqualTo("6");
    assertThat(spikeFactor(detection, "TUR", "AZE", "93")).isEqualTo("10");
  }

  @Test
  void shouldRefuseBadSelectorsNamingTheKey() {
    for (String selector : List.of("TUR-TUR", "XXX-*", "*-USA-", "TUR-USA-*")) {
      String key = "tradewatch.rules.month-spike.overrides." + selector + ".factor";
      assertThatThrownBy(() -> SettingsLoader.load(null, Map.of(), Map.of(key, "3")))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith(key + ": expected an EXPORTER-IMPORTER pair or")
          .hasMessageEndingWith("found " + selector);
    }
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    null,
                    Map.of(),
                    Map.of("tradewatch.rules.month-spike.overrides.tur-*.factor", "3")))
        .hasMessage(
            "unknown configuration key tradewatch.rules.month-spike.overrides.tur-*.factor");
  }

  @Test
  void shouldRefuseBadScopeListsNamingTheKey() {
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    null, Map.of(), Map.of("tradewatch.rules.ytd-ratio.categories", " ")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("tradewatch.rules.ytd-ratio.categories: expected * or a")
        .hasMessageEndingWith("found nothing");
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    null,
                    Map.of(),
                    Map.of("tradewatch.rules.ytd-ratio.overrides.TUR-*.importers", "AZE,XXX")))
        .hasMessageStartingWith("tradewatch.rules.ytd-ratio.overrides.TUR-*.importers: expected")
        .hasMessageEndingWith("found AZE,XXX");
  }

  @Test
  void shouldMapScopeKeysOfRulesAndOfPairsFromTheEnvironment() {
    DetectionConfig detection =
        SettingsLoader.load(
                null,
                Map.of(
                    "TRADEWATCH_RULES_MONTH_SPIKE_CATEGORIES", "93,8710",
                    "TRADEWATCH_RULES_MONTH_SPIKE_OVERRIDES_TUR_USA_CATEGORIES", "*"),
                Map.of())
            .detection();

    assertThat(detection.forFlow("TUR", "USA", "total").of(MonthSpike.RULE).scope())
        .isEqualTo(Scope.EVERYTHING);
    assertThat(detection.forFlow("TUR", "AZE", "total").of(MonthSpike.RULE).scope().lists())
        .containsEntry(ScopeKey.CATEGORIES, Set.of("93", "8710"));
  }

  @Test
  void shouldReadAlertmanagerPeersFromTheEnvironmentAndHideThePassword() {
    Settings settings =
        SettingsLoader.load(
            null,
            Map.of(
                "TRADEWATCH_ALERTMANAGER_URL",
                "http://am-0:9093, https://am-1:9093/alertmanager",
                "TRADEWATCH_ALERTMANAGER_USERNAME",
                "tw",
                "TRADEWATCH_ALERTMANAGER_PASSWORD",
                "s3cret"),
            Map.of());

    assertThat(settings.alertmanager().enabled()).isTrue();
    assertThat(settings.alertmanager().urls())
        .extracting(Object::toString)
        .containsExactly("http://am-0:9093", "https://am-1:9093/alertmanager");
    assertThat(settings.alertmanager().resendInterval()).hasSeconds(60);
    assertThat(settings.toString()).contains("am-0").doesNotContain("s3cret");
    assertThat(SettingsLoader.load(null, Map.of(), Map.of()).alertmanager().enabled()).isFalse();
  }

  @Test
  void shouldRefuseAnAlertmanagerUrlThatIsNotHttpAndAUserWithoutPassword() {
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    null, Map.of(), Map.of("tradewatch.alertmanager.url", "alertmanager:9093")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "tradewatch.alertmanager.url: expected http(s)://HOST:PORT (comma-separated for"
                + " several), found alertmanager:9093");
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    null,
                    Map.of(),
                    Map.of(
                        "tradewatch.alertmanager.url", "http://am:9093",
                        "tradewatch.alertmanager.username", "tw")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("tradewatch.alertmanager.password: expected a password");
  }

  @Test
  void shouldRefuseCredentialsInAnAlertmanagerUrlWithoutRepeatingThem() {
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    null,
                    Map.of("TRADEWATCH_ALERTMANAGER_URL", "https://tw:s3cret@am:9093"),
                    Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "tradewatch.alertmanager.url: credentials in the URL are not used; set"
                + " tradewatch.alertmanager.username and tradewatch.alertmanager.password");
  }

  private static String spikeFactor(
      DetectionConfig detection, String exporter, String importer, String category) {
    return detection
        .forFlow(exporter, importer, category)
        .of(MonthSpike.RULE)
        .factor()
        .toPlainString();
  }

  @Test
  void shouldPassKafkaKeysThroughWithoutThePrefix() throws IOException {
    Path file =
        write("kafka.sasl.mechanism=SCRAM-SHA-512\nkafka.ssl.truststore.location=/etc/ts.p12\n");

    assertThat(SettingsLoader.load(file, Map.of(), Map.of()).cluster().clientOverrides())
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("ssl.truststore.location", "/etc/ts.p12");
  }

  @Test
  void shouldRefuseAWrongValueNamingTheKeyAndWhatWasExpected() {
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    null, Map.of(), Map.of("tradewatch.rules.ytd-ratio.ratio", "-3")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("tradewatch.rules.ytd-ratio.ratio: expected a number > 1, found -3");
  }

  @Test
  void shouldRefuseUnknownKeysNamingThem() throws IOException {
    Path file = write("tradewatch.rules.month-treshold.threshold-usd=1\n");

    assertThatThrownBy(() -> SettingsLoader.load(file, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "unknown configuration key tradewatch.rules.month-treshold.threshold-usd");
  }

  @Test
  void shouldIgnoreAndNameEnvironmentVariablesThatMatchNoKey() {
    // what Kubernetes injects for a Service named tradewatch, and a typo
    Map<String, String> env =
        Map.of(
            "TRADEWATCH_SERVICE_HOST", "10.0.0.12",
            "TRADEWATCH_PORT", "tcp://10.0.0.12:8080",
            "TRADEWATCH_PORT_8080_TCP_PROTO", "tcp",
            "TRADEWATCH_TOPIC_INPUT", "x",
            "TRADEWATCH_TOPICS_INPUT", "env.figures",
            "HOME", "/root");

    SettingsLoader.FromEnvironment read = SettingsLoader.fromEnvironment(env);

    assertThat(read.ignored())
        .containsExactly(
            "TRADEWATCH_PORT",
            "TRADEWATCH_PORT_8080_TCP_PROTO",
            "TRADEWATCH_SERVICE_HOST",
            "TRADEWATCH_TOPIC_INPUT");
    assertThat(read.values()).containsExactly(Map.entry("tradewatch.topics.input", "env.figures"));
    assertThat(SettingsLoader.load(null, env, Map.of()).topics().input()).isEqualTo("env.figures");
  }

  @Test
  void shouldStillRefuseUnknownKeysGivenAsFlags() {
    assertThatThrownBy(
            () -> SettingsLoader.load(null, Map.of(), Map.of("tradewatch.topic.input", "x")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unknown configuration key tradewatch.topic.input");
  }

  @Test
  void shouldRefuseOverridesForAnUnknownPair() {
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    null,
                    Map.of(),
                    Map.of("tradewatch.rules.month-spike.overrides.TUR-XXX.enabled", "false")))
        .hasMessageContaining(
            "tradewatch.rules.month-spike.overrides.TUR-XXX.enabled: expected an EXPORTER-IMPORTER pair")
        .hasMessageEndingWith("found TUR-XXX");
  }

  @Test
  void shouldRefuseAnOverrideOfAKeyTheRuleDoesNotHave() {
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    null,
                    Map.of(),
                    Map.of("tradewatch.rules.month-spike.overrides.TUR-USA.ratio", "3")))
        .hasMessage(
            "unknown configuration key tradewatch.rules.month-spike.overrides.TUR-USA.ratio");
  }

  @Test
  void shouldRefuseAMissingConfigFileInOneLine() {
    Path absent = dir.resolve("absent.properties");
    assertThatThrownBy(() -> SettingsLoader.load(absent, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("--config: no such file: " + absent);
    assertThatThrownBy(() -> SettingsLoader.load(dir, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("--config: is a directory: " + dir);
  }

  @Test
  void shouldRefuseNonBooleanEnabledAndAZeroThreshold() {
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    null, Map.of(), Map.of("tradewatch.rules.month-spike.enabled", "yes")))
        .hasMessage("tradewatch.rules.month-spike.enabled: expected true or false, found yes");
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    null, Map.of(), Map.of("tradewatch.rules.month-threshold.threshold-usd", "0")))
        .hasMessageContaining("expected an amount in USD > 0");
  }

  private Path write(String content) throws IOException {
    Path file = dir.resolve("tradewatch.properties");
    Files.writeString(file, content);
    return file;
  }
}
