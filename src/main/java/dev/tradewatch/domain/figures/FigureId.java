package dev.tradewatch.domain.figures;

import java.time.YearMonth;
import java.util.Comparator;

/** Identity of a figure within its series: a second figure with the same id is a revision. */
public record FigureId(YearMonth period, Basis basis) implements Comparable<FigureId> {

  private static final Comparator<FigureId> ORDER =
      Comparator.comparing(FigureId::period).thenComparing(FigureId::basis);

  @Override
  public int compareTo(FigureId other) {
    return ORDER.compare(this, other);
  }
}
