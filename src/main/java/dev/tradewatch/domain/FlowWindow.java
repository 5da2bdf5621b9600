package dev.tradewatch.domain;

import dev.tradewatch.domain.figures.FlowKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * The years of one flow that one step of work reads, each read at most once and only when needed,
 * and which of them it changed — so that only those are written back.
 */
public final class FlowWindow {

  private final FlowKey flow;
  private final IntFunction<FlowYear> stored;
  private final Map<Integer, FlowYear> years = new HashMap<>();
  private final TreeSet<Integer> changed = new TreeSet<>();

  /**
   * @param stored the stored year of the flow, or null when none is stored
   */
  public FlowWindow(FlowKey flow, IntFunction<FlowYear> stored) {
    this.flow = flow;
    this.stored = stored;
  }

  public FlowKey flow() {
    return flow;
  }

  /** The flow's year {@code year}: as stored, or empty. */
  public FlowYear year(int year) {
    return years.computeIfAbsent(
        year,
        y -> {
          FlowYear found = stored.apply(y);
          return found == null ? new FlowYear(flow, y) : found;
        });
  }

  void changed(int year) {
    changed.add(year);
  }

  /** The years changed so far, in year order. */
  public List<FlowYear> changedYears() {
    List<FlowYear> result = new ArrayList<>();
    changed.forEach(year -> result.add(years.get(year)));
    return result;
  }
}
