/**
 * The HTTP port: /metrics, /health, the JSON Schemas of the input figure and the alert (/schema),
 * and the read-only JSON API over the application's state (interactive queries, across instances),
 * with optional basic auth and TLS.
 */
package dev.tradewatch.http;
