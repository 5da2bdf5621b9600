package dev.tradewatch.testing.scenarios;

/**
 * A deterministic generator of realistic trade feeds with labelled anomalies, for tests of the
 * rules end to end: {@code Scenarios.generate(seed, options)} gives the figures (JSON lines of the
 * input contract, in publication order), a label for every planted event and the controls planted
 * next to them. The same seed and options always give the same scenario.
 *
 * <p><b>What a feed mixes.</b> Ordinary flows ({@link Background}: levels log-normal from $10K to
 * $40M, seasons, trend, noise), reported by the exporter and, for a share, mirrored by the importer
 * 2–10 % higher (CIF against FOB) with its own noise. Each reporter has a {@link Cadence} (monthly;
 * monthly with ytd; ytd only; quarterly ytd at months 3, 6, 9, 12) and a delay of 30–75 days after
 * the period ends, with a few days of jitter; a share of figures is revised weeks later by up to 3
 * %. The feed ends at a cut-off (10 March after the last full year); {@code now} is its latest
 * {@code publishedAt}.
 *
 * <p><b>Events</b> ({@link Events}, {@link Sources}), each labelled with its rule, period, category
 * and the day it became knowable: {@code month-spike} (15–16 × the level, $7.5M–$40M; every third
 * one appears through a revision), {@code month-threshold} ($56M–$74M on a $9M–$12M flow), {@code
 * ytd-ratio} (a quarterly ytd at 5.5 × the year before), {@code mirror-gap} (sides 7× apart, or one
 * side 0 against $10.8M+), {@code dormant-partner} (two years ≤ $45K, then $2.5M–$4.2M), {@code
 * source-silent} (a monthly reporter stops a category 7+ months before the cut-off; the label has
 * the reporter as exporter, no importer, no period).
 *
 * <p><b>No overlaps, but one.</b> Each event is sized to fire its own rule under the defaults and
 * stay below every other: a spike stays under $50M and lies in August or September so its year to
 * date stays under 5 × the year before; a threshold month stays under 10 × its baseline; a ytd jump
 * is on a quarterly reporter, whose months are never known; a gap lowers one side (nothing rises);
 * a dormant pair wakes under the $5M spike floor and its year under the $10M ytd floor. The one
 * deliberate overlap is a spike over the threshold ($54M–$62M at 16 × its level), labelled with
 * both rules, as the reference case's September is.
 *
 * <p><b>Controls</b> ({@link Controls}, {@link Sources}), listed in {@link Scenario#controls()}: a
 * large steady flow mirrored at 5 %, a 15× month under the spike floor, a spike revised away, a
 * persistent 1.6× mirror gap, a 4× gap under the floor, a one-sided 0 under the floor, a noisy
 * small partner, a sparse partner, ytd jumps under the ratio and under the floor, a quarterly
 * reporter whose quarter is not due yet, a monthly reporter late by less than the grace.
 *
 * <p><b>Labels describe the final state of the feed</b>: what a backtest of the whole feed must
 * have active at its end. A spike that a revision takes back (a control) has no label; a spike that
 * a revision puts in has one. Margins are in each method's Javadoc; the bounds of ordinary flows in
 * {@link Shape} and {@link Background}.
 */
public final class Scenarios {

  /**
   * @param flows ordinary flows (events and controls add about 40 more)
   * @param firstYear the first year of the feed; with {@code years}, the cut-off must lie before
   *     the clock of whatever validates the figures
   * @param years full years of data, at least 3 (a dormant pair needs 2 years before it wakes)
   * @param eventsPerRule events planted per rule, 1 to 10
   * @param mirrorShare share of flows the importer mirrors
   * @param revisionShare share of ordinary figures revised later
   */
  public record Options(
      int flows,
      int firstYear,
      int years,
      int eventsPerRule,
      double mirrorShare,
      double revisionShare) {

    public Options {
      if (flows < 1 || years < 3 || eventsPerRule < 1 || eventsPerRule > 10) {
        throw new IllegalArgumentException(
            "need flows ≥ 1, years ≥ 3 and 1–10 events per rule: " + this);
      }
    }

    /** About 150 flows over 2022–2024, 2 events per rule. */
    public static Options defaults() {
      return new Options(150, 2022, 3, 2, 0.6, 0.05);
    }

    public Options withFlows(int count) {
      return new Options(count, firstYear, years, eventsPerRule, mirrorShare, revisionShare);
    }

    public Options withEventsPerRule(int count) {
      return new Options(flows, firstYear, years, count, mirrorShare, revisionShare);
    }
  }

  private Scenarios() {}

  public static Scenario generate(long seed) {
    return generate(seed, Options.defaults());
  }

  public static Scenario generate(long seed, Options options) {
    Draft draft = new Draft(seed, options);
    Background.add(draft, options.flows());
    Events events = new Events(draft);
    Sources sources = new Sources(draft);
    for (int k = 0; k < options.eventsPerRule(); k++) {
      events.monthSpike(k);
      events.monthThreshold();
      events.ytdRatio(k);
      events.mirrorGap(k);
      events.dormantPartner();
      sources.sourceSilent(k);
    }
    events.spikeOverThreshold();
    new Controls(draft).plantAll();
    sources.quarterlyNotDue(options.eventsPerRule());
    sources.lateWithinGrace(options.eventsPerRule() + 1);
    Publisher publisher = new Publisher(draft.timeline, draft.random, options.revisionShare());
    draft.sides.forEach(publisher::publish);
    return new Scenario(
        seed, publisher.figures(), draft.labels, draft.controls, publisher.latestPublishedAt());
  }
}
