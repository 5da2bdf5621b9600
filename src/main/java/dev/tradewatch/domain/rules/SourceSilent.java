package dev.tradewatch.domain.rules;

import dev.tradewatch.domain.series.SourceHistory;
import dev.tradewatch.domain.series.SourceHistory.FirstPublication;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code source-silent}: a reporter has published nothing in a category for longer than its own
 * habits allow. Its next period is due at the end of (latest period + spacing) + delay, where
 * spacing is the median gap in months between its latest published periods (1 monthly, 3 quarterly)
 * and delay the median time from a period's end to its first publication; it fires once "now" is
 * past that plus the grace. A reporter with fewer than 3 published periods is not judged. Of two
 * middle values the larger is the median, so that a doubt is decided for silence later.
 */
public final class SourceSilent implements SourceRule<SourceSilent.Settings> {

  public static final SourceSilent RULE = new SourceSilent();

  static final String GRACE_DAYS = "grace-days";

  /** The key that sets the "now" sources are judged at. */
  public static final String AS_OF = "as-of";

  /** Periods a reporter must have published before its silence is judged. */
  static final int MIN_PERIODS = 3;

  private static final List<ScopeKey> SCOPE = ScopeKey.SOURCE;

  private static final Map<String, String> DEFAULTS =
      RuleKeys.of(SCOPE, GRACE_DAYS, "60", AS_OF, "");

  /**
   * @param graceDays how long past its due date a period may be late before the source is silent
   * @param asOf the "now" silence is judged at, for replays of history; empty for the wall clock
   */
  public record Settings(boolean enabled, Scope scope, int graceDays, Optional<Instant> asOf)
      implements Rule.Settings {}

  private SourceSilent() {}

  @Override
  public String name() {
    return "source-silent";
  }

  @Override
  public Map<String, String> defaults() {
    return DEFAULTS;
  }

  @Override
  public List<ScopeKey> scopeKeys() {
    return SCOPE;
  }

  @Override
  public Settings parse(SettingValues values) {
    return new Settings(
        values.bool(ENABLED),
        values.scope(SCOPE),
        values.wholeNumber(GRACE_DAYS, 0, 3650),
        values.optionalInstant(AS_OF));
  }

  @Override
  public Optional<Evaluation> evaluate(
      SourceHistory history, String reporter, Instant now, Settings settings) {
    List<FirstPublication> periods = new ArrayList<>(history.periods().values());
    if (periods.size() < MIN_PERIODS) {
      return Optional.empty();
    }
    int spacing = upperMedian(gaps(periods));
    Duration delay = Duration.ofSeconds(upperMedian(delaysInSeconds(periods)));
    FirstPublication latest = periods.get(periods.size() - 1);
    YearMonth next = latest.period().plusMonths(spacing);
    Instant due = endOf(next).plus(delay);
    Instant silentFrom = due.plus(Duration.ofDays(settings.graceDays()));
    boolean fires = now.isAfter(silentFrom);
    return Optional.of(
        new Evaluation(
            this,
            latest.period(),
            0,
            0,
            Severity.MEDIUM,
            fires,
            history.evidence(reporter),
            () ->
                "last "
                    + periods.size()
                    + " periods "
                    + periods.get(0).period()
                    + ".."
                    + latest.period()
                    + ": every "
                    + spacing
                    + " month(s), first published "
                    + delay.toDays()
                    + " days after a period ends; "
                    + next
                    + " due by "
                    + day(due)
                    + ", "
                    + settings.graceDays()
                    + " days' grace to "
                    + day(silentFrom)));
  }

  /** No ratio: a silence has no numbers. */
  @Override
  public BigDecimal ratio(long observedCents, long baselineCents) {
    return null;
  }

  /** {@code has published nothing since 2021-12}. */
  @Override
  public String message(Finding finding) {
    return "has published nothing since " + finding.period() + ", longer than its habits allow";
  }

  @Override
  public String resolvedMessage(Finding finding) {
    return finding.period() + " has been published";
  }

  @Override
  public String numbers(Finding finding) {
    return "latest " + finding.period();
  }

  @Override
  public Set<Severity> severities() {
    return EnumSet.of(Severity.MEDIUM);
  }

  /** Not a look at years of figures: a source's history is kept apart, whatever the years. */
  @Override
  public int yearsBack() {
    return 0;
  }

  @Override
  public String toString() {
    return name();
  }

  private static List<Long> gaps(List<FirstPublication> periods) {
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < periods.size(); i++) {
      YearMonth before = periods.get(i - 1).period();
      YearMonth after = periods.get(i).period();
      gaps.add(
          (long) (after.getYear() - before.getYear()) * 12
              + after.getMonthValue()
              - before.getMonthValue());
    }
    return gaps;
  }

  private static List<Long> delaysInSeconds(List<FirstPublication> periods) {
    List<Long> delays = new ArrayList<>();
    for (FirstPublication p : periods) {
      delays.add(Math.max(0, Duration.between(endOf(p.period()), p.publishedAt()).toSeconds()));
    }
    return delays;
  }

  private static int upperMedian(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return Math.toIntExact(Math.min(Integer.MAX_VALUE, sorted.get(sorted.size() / 2)));
  }

  /** The first instant after {@code period}. */
  static Instant endOf(YearMonth period) {
    return period.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}
