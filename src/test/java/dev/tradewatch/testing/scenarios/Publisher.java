package dev.tradewatch.testing.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Turns sides into figures (JSON lines of the input contract) as their reporters publish them: the
 * cadence decides months and bases, the release date when; nothing at or after the cut-off. A share
 * of unplanted figures is revised a few weeks later by up to ±3 %.
 */
final class Publisher {

  /** How long after its first publication a planted revision comes. */
  static final Duration PLANTED_REVISION = Duration.ofDays(35);

  private record Line(Instant publishedAt, String json) {}

  private final Timeline timeline;
  private final Random random;
  private final double revisionShare;
  private final List<Line> lines = new ArrayList<>();

  Publisher(Timeline timeline, Random random, double revisionShare) {
    this.timeline = timeline;
    this.random = random;
    this.revisionShare = revisionShare;
  }

  void publish(Side side) {
    Cadence cadence = side.reporter.cadence();
    long ytd = 0;
    for (int i = 0; i <= side.lastMonth && i < side.usd.length; i++) {
      int monthOfYear = i % 12 + 1;
      ytd = monthOfYear == 1 ? side.usd[i] : ytd + side.usd[i];
      Instant at = side.reporter.release(timeline, i);
      if (!cadence.publishesIn(monthOfYear) || side.unreported.contains(i) || !in(at)) {
        continue;
      }
      Long first = side.firstPublished.get(i);
      if (first != null) {
        add(side, i, "month", first, at);
        add(side, i, "month", side.usd[i], at.plus(PLANTED_REVISION));
        continue;
      }
      if (cadence.reportsMonth()) {
        add(side, i, "month", side.usd[i], at);
      }
      if (cadence.reportsYtd()) {
        add(side, i, "ytd", ytd, at);
      }
      if (!side.planted && random.nextDouble() < revisionShare) {
        revise(side, i, ytd, at);
      }
    }
  }

  /** A later release changing the figures of month {@code i} by the same few percent. */
  private void revise(Side side, int i, long ytd, Instant at) {
    Instant later = at.plus(Duration.ofDays(20 + random.nextInt(71)));
    if (!in(later)) {
      return;
    }
    Cadence cadence = side.reporter.cadence();
    long changed = cadence == Cadence.QUARTERLY_YTD ? quarter(side, i) : side.usd[i];
    long delta = Math.round(changed * (random.nextDouble() * 0.06 - 0.03));
    delta = delta == 0 ? 1 : delta;
    if (cadence.reportsMonth()) {
      add(side, i, "month", Math.max(0, side.usd[i] + delta), later);
    }
    if (cadence.reportsYtd()) {
      add(side, i, "ytd", Math.max(0, ytd + delta), later);
    }
  }

  private static long quarter(Side side, int i) {
    return side.usd[i] + side.usd[i - 1] + side.usd[i - 2];
  }

  private boolean in(Instant at) {
    return timeline.published(at);
  }

  private void add(Side side, int index, String basis, long usd, Instant at) {
    lines.add(new Line(at, json(side, timeline.period(index), basis, usd, at)));
  }

  /** Every figure published, in publication order (a stable sort: ties keep their order). */
  List<String> figures() {
    List<Line> sorted = new ArrayList<>(lines);
    sorted.sort(Comparator.comparing(Line::publishedAt));
    return sorted.stream().map(Line::json).toList();
  }

  Instant latestPublishedAt() {
    return lines.stream().map(Line::publishedAt).max(Comparator.naturalOrder()).orElseThrow();
  }

  private static String json(Side side, YearMonth period, String basis, long usd, Instant at) {
    Flow flow = side.flow;
    Reporter reporter = side.reporter;
    boolean explicit = reporter.explicit();
    StringBuilder json = new StringBuilder(220);
    json.append(String.format(Locale.ROOT, "{\"exporter\":\"%s\"", flow.exporter()))
        .append(String.format(Locale.ROOT, ",\"importer\":\"%s\"", flow.importer()))
        .append(String.format(Locale.ROOT, ",\"period\":\"%s\"", period));
    if (explicit || !basis.equals("month")) {
      json.append(String.format(Locale.ROOT, ",\"basis\":\"%s\"", basis));
    }
    json.append(String.format(Locale.ROOT, ",\"valueUsd\":%d", usd))
        .append(String.format(Locale.ROOT, ",\"category\":\"%s\"", flow.category()));
    if (explicit || side.isMirror()) {
      json.append(String.format(Locale.ROOT, ",\"reporter\":\"%s\"", reporter.code()));
    }
    return json.append(String.format(Locale.ROOT, ",\"source\":\"%s\"", reporter.source()))
        .append(String.format(Locale.ROOT, ",\"publishedAt\":\"%s\"}", at))
        .toString();
  }
}
