package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.series.Reported;
import dev.tradewatch.domain.series.YearLedger;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/** Test fixtures for single rules: configured values and ledgers. */
final class RuleFixtures {

  /** When every fixture value was published. */
  static final Instant PUBLISHED = Instant.parse("2021-01-04T00:00:00Z");

  private RuleFixtures() {}

  /** The rule's defaults with {@code changed} on top, named as the global configuration keys. */
  static SettingValues values(Rule<?> rule, Map<String, String> changed) {
    String prefix = "tradewatch.rules." + rule.name() + ".";
    Map<String, String> values = new HashMap<>();
    rule.defaults().forEach((key, value) -> values.put(prefix + key, value));
    changed.forEach((key, value) -> values.put(prefix + key, value));
    return new SettingValues(key -> prefix + key, values);
  }

  /** Ledgers of reported months and ytds, in dollars: {@code "2020-09" → 77_100_000}. */
  static Ledgers ledgers(Map<String, Long> monthsUsd, Map<String, Long> ytdsUsd) {
    return new Ledgers(year -> ledger(year, monthsUsd, ytdsUsd));
  }

  private static YearLedger ledger(int year, Map<String, Long> monthsUsd, Map<String, Long> ytds) {
    Reported[] months = new Reported[13];
    Reported[] ytd = new Reported[13];
    monthsUsd.forEach((period, usd) -> put(months, year, period, usd));
    ytds.forEach((period, usd) -> put(ytd, year, period, usd));
    return YearLedger.reconcile(year, months, ytd);
  }

  private static void put(Reported[] target, int year, String period, long usd) {
    YearMonth month = YearMonth.parse(period);
    if (month.getYear() == year) {
      target[month.getMonthValue()] = new Reported(usd * 100, PUBLISHED, "test");
    }
  }
}
