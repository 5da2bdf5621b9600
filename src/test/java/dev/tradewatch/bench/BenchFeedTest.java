package dev.tradewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BenchFeedTest {

  private static final Pattern PERIOD = Pattern.compile("\"period\":\"(\\d{4}-\\d{2})\"");

  @Test
  void aShortFeedStartsInJanuary2019() {
    assertThat(BenchFeed.start(10, YearMonth.of(2026, 11))).isEqualTo(YearMonth.of(2019, 1));
  }

  @Test
  void aLongFeedEndsTwoMonthsBeforeTheCurrentOne() {
    assertThat(BenchFeed.start(240, YearMonth.of(2026, 11))).isEqualTo(YearMonth.of(2006, 10));
  }

  @Test
  void twentyYearsASeriesStayInThePast() {
    List<BenchFeed.Entry> feed = BenchFeed.generate(42, 24_000, 100);

    List<YearMonth> periods =
        feed.stream()
            .map(entry -> period(new String(entry.value(), StandardCharsets.UTF_8)))
            .sorted()
            .toList();
    YearMonth lastPublishable = YearMonth.now(ZoneOffset.UTC).minusMonths(2);
    assertThat(periods.get(periods.size() - 1)).isBeforeOrEqualTo(lastPublishable);
    // revisions fill part of the record budget, so the feed stops a few months short of 240
    assertThat(periods.get(0)).isEqualTo(lastPublishable.minusMonths(239));
  }

  private static YearMonth period(String json) {
    Matcher matcher = PERIOD.matcher(json);
    assertThat(matcher.find()).as(json).isTrue();
    return YearMonth.parse(matcher.group(1));
  }
}
