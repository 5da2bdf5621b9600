package dev.tradewatch.domain.figures;

import java.math.BigDecimal;

/**
 * A figure as it arrived, before any check: text fields as given (null when absent) and the value
 * already read as a number by the adapter that parsed the record.
 */
public record FigureInput(
    String exporter,
    String importer,
    String period,
    String basis,
    BigDecimal valueUsd,
    String category,
    String reporter,
    String source,
    String publishedAt) {}
