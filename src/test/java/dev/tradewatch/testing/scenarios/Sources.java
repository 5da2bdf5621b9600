package dev.tradewatch.testing.scenarios;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Who publishes when: sources that go silent (events) and sources that only look silent (controls).
 * Each uses a reporter of its own ({@link Draft#RESERVED}), since the rule judges all a reporter
 * publishes in a category together.
 */
final class Sources {

  private static final Cadence[] MONTHLY_CADENCES = {
    Cadence.MONTHLY, Cadence.MONTHLY_AND_YTD, Cadence.MONTHLY_YTD_ONLY
  };

  private final Draft draft;

  Sources(Draft draft) {
    this.draft = draft;
  }

  /**
   * A monthly reporter (delay 30–60 days) stops publishing one category (the first event:
   * defence-aerospace, as the Turkish Exporters' Assembly did in 2022) after a month between March
   * and July of the last year, at least 7 months before the cut-off, while it keeps publishing its
   * total; the importers' mirror figures go on.
   */
  void sourceSilent(int k) {
    Cadence cadence = MONTHLY_CADENCES[draft.random.nextInt(MONTHLY_CADENCES.length)];
    Reporter reporter =
        draft.reporter(
            Draft.RESERVED[k], cadence, 30 + draft.random.nextInt(31), draft.random.nextInt(4));
    String category = k == 0 ? "defence-aerospace" : otherThanTotal();
    int stop = Timeline.index(draft.lastYear(), 3 + draft.random.nextInt(5));
    for (int i = 0; i < 2; i++) {
      Side side = ordinary(draft.newFlow(reporter.code(), c -> true, category));
      side.lastMonth = stop;
    }
    ordinary(draft.newFlow(reporter.code(), c -> true, "total"));
    LocalDate due = reporter.release(draft.timeline, stop + 1).atZone(ZoneOffset.UTC).toLocalDate();
    draft.labels.add(
        new Scenario.Label(
            "source-silent",
            reporter.code(),
            null,
            null,
            category,
            due,
            "stops after " + draft.timeline.period(stop)));
  }

  /**
   * A quarterly reporter whose next quarter is just not due at the cut-off: its delay is one day
   * longer than the time from the end of December to the cut-off, so it last published September.
   */
  void quarterlyNotDue(int reserved) {
    int december = Timeline.index(draft.lastYear(), 12);
    long daysToCutoff =
        Duration.between(draft.timeline.endOf(december), draft.timeline.cutoff()).toDays();
    Reporter reporter =
        draft.reporter(Draft.RESERVED[reserved], Cadence.QUARTERLY_YTD, (int) daysToCutoff + 1, 2);
    for (int i = 0; i < 2; i++) {
      Flow flow = draft.newFlow(reporter.code(), c -> true, draft.category());
      ordinary(flow);
      draft.control("quarter-not-due", flow, "source-silent");
    }
  }

  /**
   * A monthly reporter (delay 40 days) whose last due month has not come yet: late, but by less
   * than the grace of 60 days.
   */
  void lateWithinGrace(int reserved) {
    Reporter reporter = draft.reporter(Draft.RESERVED[reserved], Cadence.MONTHLY, 40, 2);
    int due = draft.timeline.months() - 1;
    while (reporter
        .release(draft.timeline, due)
        .isAfter(draft.timeline.cutoff().minus(5, ChronoUnit.DAYS))) {
      due--;
    }
    for (int i = 0; i < 2; i++) {
      Flow flow = draft.newFlow(reporter.code(), c -> true, draft.category());
      ordinary(flow).lastMonth = due - 1;
      draft.control("late-within-grace", flow, "source-silent");
    }
  }

  /** An unremarkable $1M–$5M flow: the exporter's side, and a mirror for a share. */
  private Side ordinary(Flow flow) {
    Shape shape = Shape.usual(draft.random, draft.between(1_000_000, 5_000_000), 1.0);
    Side side = draft.exporterSide(flow, shape);
    draft.maybeMirror(flow, shape);
    return side;
  }

  private String otherThanTotal() {
    return Draft.CATEGORIES[1 + draft.random.nextInt(Draft.CATEGORIES.length - 1)];
  }
}
