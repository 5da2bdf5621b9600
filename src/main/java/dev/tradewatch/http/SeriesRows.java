package dev.tradewatch.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradewatch.domain.SeriesState;
import dev.tradewatch.domain.figures.Usd;
import dev.tradewatch.domain.series.Known;
import dev.tradewatch.domain.series.YearLedger;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The rows of {@code GET /api/series/{exporter}/{importer}}: one per series and month with a known
 * monthly or ytd value, each value marked {@code reported} or {@code derived}. Flat rows, with a
 * {@code time} in epoch milliseconds, so that Grafana's Infinity datasource can chart them
 * directly.
 */
final class SeriesRows {

  private SeriesRows() {}

  static ArrayNode of(Iterable<SeriesState> states) {
    ArrayNode rows = JsonNodeFactory.instance.arrayNode();
    for (SeriesState state : states) {
      if (state.reported().isEmpty()) {
        continue;
      }
      int first = state.reported().firstKey().period().getYear();
      int last = state.reported().lastKey().period().getYear();
      for (int year = first; year <= last; year++) {
        YearLedger ledger = state.ledger(year);
        for (int month = 1; month <= 12; month++) {
          Optional<Known> value = ledger.month(month);
          Optional<Known> ytd = ledger.ytd(month);
          if (value.isPresent() || ytd.isPresent()) {
            rows.add(row(state, YearMonth.of(year, month), value, ytd));
          }
        }
      }
    }
    return rows;
  }

  private static ObjectNode row(
      SeriesState state, YearMonth period, Optional<Known> month, Optional<Known> ytd) {
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    row.put("category", state.series().category());
    row.put("reporter", state.series().reporter());
    row.put("period", period.toString());
    row.put("time", period.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli());
    put(row, "month", month);
    put(row, "ytd", ytd);
    return row;
  }

  private static void put(ObjectNode row, String name, Optional<Known> known) {
    if (known.isPresent()) {
      row.put(name + "Usd", Usd.toDollars(known.get().valueCents()));
      row.put(name + "Source", known.get().reported() ? "reported" : "derived");
    } else {
      row.putNull(name + "Usd");
      row.putNull(name + "Source");
    }
  }
}
