package dev.tradewatch.testing.scenarios;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One reported series of a flow: its reporter and the value of every month as the final state of
 * the feed has it. The publisher turns it into figures according to the reporter's cadence.
 */
final class Side {

  final Flow flow;
  final Reporter reporter;

  /** The side's value over the flow's expected value: 1 for the exporter, CIF/FOB for a mirror. */
  final double multiplier;

  /** The final value of each month (whole dollars), by month index. */
  final long[] usd;

  /** Months first published with another value, then revised to {@link #usd}: month → first. */
  final Map<Integer, Long> firstPublished = new TreeMap<>();

  /** Months never reported (a sparse series); only for a reporter of months. */
  final Set<Integer> unreported = new TreeSet<>();

  /** The last month published; earlier than the feed's end for a source that went silent. */
  int lastMonth;

  /**
   * Part of a planted event or control: its numbers are exactly as planned, so the publisher adds
   * no random revisions.
   */
  boolean planted;

  Side(Flow flow, Reporter reporter, double multiplier, long[] usd) {
    this.flow = flow;
    this.reporter = reporter;
    this.multiplier = multiplier;
    this.usd = usd;
    this.lastMonth = usd.length - 1;
  }

  boolean isMirror() {
    return !reporter.code().equals(flow.exporter());
  }

  /** Month {@code index} is first published as {@code first}, then revised to its value. */
  void firstPublishedAs(int index, long first) {
    if (reporter.cadence() != Cadence.MONTHLY) {
      // a revised month of a ytd reporter would leave its later ytds inconsistent
      throw new IllegalStateException("revised months are planted on monthly reporters only");
    }
    firstPublished.put(index, first);
  }
}
