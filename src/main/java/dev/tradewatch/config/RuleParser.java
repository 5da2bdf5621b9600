package dev.tradewatch.config;

import dev.tradewatch.domain.rules.Rule;
import dev.tradewatch.domain.rules.RuleSettings;
import java.math.BigDecimal;
import java.util.function.BiFunction;

/**
 * Reads one complete {@link RuleSettings}; {@code keyOf} says which key supplies each rule setting.
 */
final class RuleParser {

  private RuleParser() {}

  static RuleSettings parse(Values v, BiFunction<Rule, String, String> keyOf) {
    return new RuleSettings(
        new RuleSettings.MonthThreshold(
            v.bool(keyOf.apply(Rule.MONTH_THRESHOLD, "enabled")),
            v.usdCents(keyOf.apply(Rule.MONTH_THRESHOLD, "threshold-usd"), true)),
        new RuleSettings.YtdRatio(
            v.bool(keyOf.apply(Rule.YTD_RATIO, "enabled")),
            v.decimalAbove(keyOf.apply(Rule.YTD_RATIO, "ratio"), BigDecimal.ONE),
            v.usdCents(keyOf.apply(Rule.YTD_RATIO, "floor-usd"), false)),
        new RuleSettings.MonthSpike(
            v.bool(keyOf.apply(Rule.MONTH_SPIKE, "enabled")),
            v.decimalAbove(keyOf.apply(Rule.MONTH_SPIKE, "factor"), BigDecimal.ONE),
            v.usdCents(keyOf.apply(Rule.MONTH_SPIKE, "floor-usd"), false)));
  }
}
