/**
 * The bench command's measurements: raw Kafka rates, a pass-through, a keyed-state baseline and the
 * tradewatch pipeline side by side on one generated feed.
 */
package dev.tradewatch.bench;
