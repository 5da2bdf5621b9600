package dev.tradewatch.cli;

import dev.tradewatch.isolated.RejectedLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The refused figures of a backtest in a few words: how many per reason and the first line numbers
 * of each, e.g. {@code bad-period 2 (lines 4, 9), unknown-country 1 (line 7)}.
 */
final class RejectionWords {

  /** Line numbers shown per reason; the rest are in {@code --dead-letters FILE}. */
  static final int FIRST_LINES = 5;

  private RejectionWords() {}

  /** Reasons in alphabetical order; {@code rejected} is sorted by line. */
  static String byReason(List<RejectedLine> rejected) {
    Map<String, List<RejectedLine>> byReason = new TreeMap<>();
    rejected.forEach(r -> byReason.computeIfAbsent(r.reason(), k -> new ArrayList<>()).add(r));
    return byReason.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue().size() + " (" + lines(e.getValue()) + ")")
        .collect(Collectors.joining(", "));
  }

  private static String lines(List<RejectedLine> rejected) {
    List<String> known =
        rejected.stream()
            .filter(RejectedLine::hasLine)
            .limit(FIRST_LINES)
            .map(r -> String.format(Locale.ROOT, "%,d", r.line()))
            .toList();
    long withLine = rejected.stream().filter(RejectedLine::hasLine).count();
    if (known.isEmpty()) {
      return "line unknown";
    }
    return (withLine == 1 ? "line " : "lines ")
        + String.join(", ", known)
        + (withLine > FIRST_LINES ? ", …" : "")
        + (withLine < rejected.size() ? "; " + (rejected.size() - withLine) + " unknown" : "");
  }
}
