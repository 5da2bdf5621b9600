/**
 * File readers and the producer used by {@code replay} and {@code backtest}: they stream figure
 * files (JSON lines, plain CSV, UN Comtrade+ CSV, optionally gzipped) into one JSON figure per
 * record value, reporting unreadable lines by number and leaving the validation of values to the
 * stream.
 */
package dev.tradewatch.replay;
