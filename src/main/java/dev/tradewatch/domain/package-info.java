/**
 * The pure core of tradewatch: trade figures and their validation, per-series state with revisions,
 * month/year-to-date reconciliation over calendar years, the detection rules and the alerts they
 * raise. Nothing here knows about Kafka, Micrometer, Jackson or the command line, so everything
 * that decides what an alert is can be tested without a broker.
 */
package dev.tradewatch.domain;
