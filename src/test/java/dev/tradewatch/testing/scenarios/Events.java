package dev.tradewatch.testing.scenarios;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Predicate;

/**
 * The planted events and their labels. Each is sized against the default rules (docs/contract.md):
 * well past the thresholds of its own rule and, by construction, below those of every other rule
 * (see {@link Scenarios} for the margins), except the one compound event, labelled with both rules
 * it fires. Every event lies in a year after the first (it needs a year of history), in a month
 * that every reporter, and a planted revision, has published well before the cut-off.
 */
final class Events {

  private static final Predicate<Cadence> ANY = c -> true;

  private final Draft draft;

  Events(Draft draft) {
    this.draft = draft;
  }

  /**
   * A month 15–16 × the flow's level ($0.5M–$2.5M, so $7.5M–$40M), in August or September: past
   * factor 10 and the $5M floor, under $50M, and too late in the year to lift the ytd 5×. Every
   * third one first appears as an ordinary month and becomes a spike by a revision.
   */
  void monthSpike(int k) {
    boolean viaRevision = k % 3 == 1;
    Flow flow = draft.newFlow(viaRevision ? c -> c == Cadence.MONTHLY : Cadence::knowsMonths, ANY);
    Shape shape = Shape.usual(draft.random, draft.between(500_000, 2_500_000), 1.0);
    int at = Timeline.index(draft.eventYear(), 8 + draft.random.nextInt(2));
    double spike = shape.level() * draft.between(15, 16);
    Side exporter = draft.exporterSide(flow, shape);
    Side mirror = draft.maybeMirror(flow, shape);
    if (viaRevision) {
      exporter.firstPublishedAs(at, exporter.usd[at]);
    }
    plant(spike, at, exporter, mirror);
    String how = viaRevision ? ", revised into the feed" : "";
    draft.label("month-spike", flow, at, draft.firstKnown(at, exporter, mirror), "spike" + how);
  }

  /**
   * A month of $56M–$74M (6.2 × a $9M–$12M level), from April to September: past the $50M
   * threshold, under 10 × the baseline, and too late in the year to lift the ytd 5×.
   */
  void monthThreshold() {
    Flow flow = draft.newFlow(Cadence::knowsMonths, ANY);
    Shape shape = Shape.usual(draft.random, draft.between(9_000_000, 12_000_000), 1.0);
    int at = Timeline.index(draft.eventYear(), 4 + draft.random.nextInt(6));
    Side exporter = draft.exporterSide(flow, shape);
    Side mirror = draft.maybeMirror(flow, shape);
    plant(shape.level() * 6.2, at, exporter, mirror);
    draft.label(
        "month-threshold",
        flow,
        at,
        draft.firstKnown(at, exporter, mirror),
        "month over the threshold");
  }

  /**
   * The one deliberate overlap: 16 × a $3.4M–$3.9M level ($54M–$62M) in August or September is a
   * spike and crosses the threshold too, like the reference case's September; labelled with both.
   */
  void spikeOverThreshold() {
    Flow flow = draft.newFlow(Cadence::knowsMonths, ANY);
    Shape shape = Shape.usual(draft.random, draft.between(3_400_000, 3_900_000), 1.0);
    int at = Timeline.index(draft.eventYear(), 8 + draft.random.nextInt(2));
    Side exporter = draft.exporterSide(flow, shape);
    Side mirror = draft.maybeMirror(flow, shape);
    plant(shape.level() * 16, at, exporter, mirror);
    LocalDate known = draft.firstKnown(at, exporter, mirror);
    draft.label("month-spike", flow, at, known, "spike over the threshold");
    draft.label("month-threshold", flow, at, known, "spike over the threshold");
  }

  /**
   * A quarterly ytd reporter's year to date jumps to 5.5 × the year before at June (or March) and
   * falls back under 5 × by the next quarter; one-sided, so no monthly rule sees the jump.
   */
  void ytdRatio(int k) {
    Flow flow = draft.newFlow(c -> c == Cadence.QUARTERLY_YTD, ANY);
    Shape shape = Shape.usual(draft.random, draft.between(1_500_000, 5_000_000), 1.0);
    Side exporter = draft.exporterSide(flow, shape);
    Draft.markPlanted(exporter);
    int year = draft.eventYear();
    int quarterEnd = k % 2 == 0 ? 6 : 3;
    YtdJump.to(exporter, year, quarterEnd, 5.5);
    YtdJump.requireBelow(exporter, year, quarterEnd + 3, 4.6);
    int at = Timeline.index(year, quarterEnd);
    draft.label(
        "ytd-ratio",
        flow,
        at,
        day(exporter.reporter.release(draft.timeline, at)),
        "ytd 5.5× the year before");
  }

  /**
   * For one month, one side of a $10M–$16M flow reports a seventh of the other (a ratio of 7, a
   * difference of $6M or more), or one side of a $15M–$22M flow reports 0 while the other reports
   * $10.8M or more. Both reporters know months.
   */
  void mirrorGap(int k) {
    boolean zero = k % 2 == 1;
    Flow flow = draft.newFlow(Cadence::knowsMonths, Cadence::knowsMonths);
    double level = zero ? draft.between(15_000_000, 22_000_000) : draft.between(10e6, 16e6);
    Shape shape = Shape.usual(draft.random, level, 1.0);
    Side exporter = draft.exporterSide(flow, shape);
    Side mirror = draft.mirrorSide(flow, shape);
    Draft.markPlanted(exporter, mirror);
    int at = Timeline.index(draft.eventYear(), 2 + draft.random.nextInt(8));
    boolean exporterDrops = draft.random.nextBoolean();
    Side dropped = exporterDrops ? exporter : mirror;
    Side other = exporterDrops ? mirror : exporter;
    dropped.usd[at] = zero ? 0 : Math.round(other.usd[at] / 7.0);
    draft.label(
        "mirror-gap",
        flow,
        at,
        draft.bothKnown(at, exporter, mirror),
        (zero ? "one side 0" : "sides 7× apart") + ", " + dropped.reporter.code() + " low");
  }

  /**
   * Over two years of months of $8K–$30K (at most $45K), then, from March to August of the last
   * year, one month of $2.5M–$4.2M (under the $5M spike floor on both sides), then $150K–$300K
   * months (so the year's ytd stays under the $10M floor).
   */
  void dormantPartner() {
    Flow flow = draft.newFlow(Cadence::knowsMonths, ANY);
    Shape tiny = Shape.usual(draft.random, draft.between(8_000, 30_000), 1.0);
    Shape after = Shape.usual(draft.random, draft.between(150_000, 300_000), 1.0);
    Side exporter = draft.exporterSide(flow, tiny);
    Side mirror = draft.maybeMirror(flow, tiny);
    int at = Timeline.index(draft.lastYear(), 3 + draft.random.nextInt(6));
    for (Side side : new Side[] {exporter, mirror}) {
      if (side != null) {
        long[] resumed = after.side(draft.random, side.usd.length, side.multiplier);
        System.arraycopy(resumed, at + 1, side.usd, at + 1, side.usd.length - at - 1);
      }
    }
    plant(draft.between(2_500_000, 4_200_000), at, exporter, mirror);
    draft.label(
        "dormant-partner", flow, at, draft.firstKnown(at, exporter, mirror), "dormant pair wakes");
  }

  private void plant(double value, int at, Side exporter, Side mirror) {
    Draft.markPlanted(exporter, mirror);
    exporter.usd[at] = Math.round(value);
    if (mirror != null) {
      mirror.usd[at] = Draft.scaled(mirror, value, draft.random);
    }
  }

  static LocalDate day(Instant at) {
    return at.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
