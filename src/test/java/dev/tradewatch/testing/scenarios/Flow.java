package dev.tradewatch.testing.scenarios;

/** What trades: exporter, importer and category, as both reporters of it name it. */
record Flow(String exporter, String importer, String category) {}
