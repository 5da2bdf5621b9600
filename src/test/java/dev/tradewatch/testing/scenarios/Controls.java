package dev.tradewatch.testing.scenarios;

/**
 * The controls: flows planted next to the events that look like them to a careless rule but stay
 * below every default threshold (docs/contract.md), so any alert on them is a false positive.
 */
final class Controls {

  private final Draft draft;

  Controls(Draft draft) {
    this.draft = draft;
  }

  void plantAll() {
    largeSteady();
    spikeUnderFloor();
    spikeRevisedAway();
    persistentGap();
    wideGapUnderFloor();
    zeroSideUnderFloor();
    noisySmallPartner();
    sparsePartner();
    ytdJumpUnderRatio();
    ytdJumpUnderFloor();
  }

  /**
   * $34M–$37M a month, ±5 % seasons, 3 % noise, mirrored at exactly 5 % CIF/FOB: large, under the
   * $50M threshold (at most $41M), never a spike, its sides $1.9M apart at most.
   */
  private void largeSteady() {
    Flow flow = draft.newFlow(Cadence::knowsMonths, Cadence::knowsMonths);
    Shape shape = Shape.steady(draft.random, draft.between(34_000_000, 37_000_000));
    Draft.markPlanted(
        draft.exporterSide(flow, shape), draft.side(flow, flow.importer(), shape, 1.05));
    draft.control("large-steady", flow, "month-threshold", "month-spike", "mirror-gap");
  }

  /** A $100K flow with one month of 15× ($1.5M): under both the spike and the dormant floors. */
  private void spikeUnderFloor() {
    Flow flow = draft.newFlow(Cadence::knowsMonths, c -> true);
    Shape shape = Shape.usual(draft.random, 100_000, 1.0);
    Side exporter = draft.exporterSide(flow, shape);
    Side mirror = draft.maybeMirror(flow, shape);
    int at = Timeline.index(draft.eventYear(), 2 + draft.random.nextInt(8));
    Draft.markPlanted(exporter, mirror);
    exporter.usd[at] = 1_500_000;
    if (mirror != null) {
      mirror.usd[at] = Draft.scaled(mirror, 1_500_000, draft.random);
    }
    draft.control("spike-under-floor", flow, "month-spike", "dormant-partner");
  }

  /**
   * A spike of 15× first published, then revised back to an ordinary month 35 days later: no label,
   * since labels describe the final state of the feed; its alert must end resolved.
   */
  private void spikeRevisedAway() {
    Flow flow = draft.newFlow(c -> c == Cadence.MONTHLY, c -> true);
    Shape shape = Shape.usual(draft.random, draft.between(1_000_000, 2_000_000), 1.0);
    Side exporter = draft.exporterSide(flow, shape);
    Draft.markPlanted(exporter, draft.maybeMirror(flow, shape));
    int at = Timeline.index(draft.eventYear(), 8 + draft.random.nextInt(2));
    exporter.firstPublishedAs(at, Math.round(shape.level() * 15));
    draft.control("spike-revised-away", flow, "month-spike", "mirror-gap");
  }

  /** A $20M flow the importer always reports 1.6× (re-exports): $12M apart, but not 3×. */
  private void persistentGap() {
    Flow flow = draft.newFlow(Cadence::knowsMonths, Cadence::knowsMonths);
    Shape shape = Shape.usual(draft.random, 20_000_000, 1.0);
    Draft.markPlanted(
        draft.exporterSide(flow, shape), draft.side(flow, flow.importer(), shape, 1.6));
    draft.control("gap-under-ratio", flow, "mirror-gap");
  }

  /** A $250K flow the importer reports 4×: over the ratio, far under the $5M floor. */
  private void wideGapUnderFloor() {
    Flow flow = draft.newFlow(Cadence::knowsMonths, Cadence::knowsMonths);
    Shape shape = Shape.usual(draft.random, 250_000, 1.0);
    Draft.markPlanted(
        draft.exporterSide(flow, shape), draft.side(flow, flow.importer(), shape, 4.0));
    draft.control("gap-under-floor", flow, "mirror-gap");
  }

  /** One month of 0 against the importer's $3.7M at most: a one-sided month under the floor. */
  private void zeroSideUnderFloor() {
    Flow flow = draft.newFlow(Cadence::knowsMonths, Cadence::knowsMonths);
    Shape shape = Shape.usual(draft.random, 2_500_000, 1.0);
    Side exporter = draft.exporterSide(flow, shape);
    Draft.markPlanted(exporter, draft.mirrorSide(flow, shape));
    exporter.usd[Timeline.index(draft.eventYear(), 2 + draft.random.nextInt(8))] = 0;
    draft.control("zero-side-under-floor", flow, "mirror-gap");
  }

  /**
   * A $60K partner with a month of 3–5× every fourth month (so never dormant: some months exceed
   * $100K), then one $3M month in the last year: not dormant, under the $5M spike floor.
   */
  private void noisySmallPartner() {
    Flow flow = draft.newFlow(Cadence::knowsMonths, c -> true);
    Shape shape = Shape.usual(draft.random, 60_000, 1.0);
    Side exporter = draft.exporterSide(flow, shape);
    Side mirror = draft.maybeMirror(flow, shape);
    Draft.markPlanted(exporter, mirror);
    for (int i = 0; i < exporter.usd.length; i += 4) {
      double burst = draft.between(3, 5);
      exporter.usd[i] = Math.round(exporter.usd[i] * burst);
      if (mirror != null) {
        mirror.usd[i] = Math.round(mirror.usd[i] * burst);
      }
    }
    int at = Timeline.index(draft.lastYear(), 3 + draft.random.nextInt(6));
    exporter.usd[at] = 3_000_000;
    if (mirror != null) {
      mirror.usd[at] = Draft.scaled(mirror, 3_000_000, draft.random);
    }
    draft.control("noisy-small-partner", flow, "dormant-partner", "month-spike");
  }

  /**
   * A $20K flow reported only every third month (8 of 24 known: fewer than the 12 the rule needs),
   * then $3M in a month of the last year and every month after it.
   */
  private void sparsePartner() {
    Flow flow = draft.newFlow(c -> c == Cadence.MONTHLY, c -> true);
    Shape shape = Shape.usual(draft.random, 20_000, 1.0);
    Side exporter = draft.exporterSide(flow, shape);
    Draft.markPlanted(exporter);
    int at = Timeline.index(draft.lastYear(), 3 + draft.random.nextInt(6));
    for (int i = 0; i < at; i++) {
      if (i % 3 != 0) {
        exporter.unreported.add(i);
      }
    }
    exporter.usd[at] = 3_000_000;
    draft.control("sparse-partner", flow, "dormant-partner", "month-spike");
  }

  /** A quarterly ytd up 4× on the year before at June, far over the $10M floor: under ratio 5. */
  private void ytdJumpUnderRatio() {
    Flow flow = draft.newFlow(c -> c == Cadence.QUARTERLY_YTD, c -> true);
    Side exporter = draft.exporterSide(flow, Shape.usual(draft.random, 3_000_000, 1.0));
    Draft.markPlanted(exporter);
    int year = draft.eventYear();
    YtdJump.to(exporter, year, 6, 4.0);
    YtdJump.requireBelow(exporter, year, 3, 4.6);
    draft.control("ytd-under-ratio", flow, "ytd-ratio");
  }

  /** A $150K quarterly ytd up 8× on the year before at March: over ratio 5, under $10M. */
  private void ytdJumpUnderFloor() {
    Flow flow = draft.newFlow(c -> c == Cadence.QUARTERLY_YTD, c -> true);
    Side exporter = draft.exporterSide(flow, Shape.usual(draft.random, 150_000, 1.0));
    Draft.markPlanted(exporter);
    int year = draft.eventYear();
    YtdJump.to(exporter, year, 3, 8.0);
    YtdJump.requireUnder(exporter, year, 9_500_000);
    draft.control("ytd-under-floor", flow, "ytd-ratio");
  }
}
