/**
 * Alerts as published: identity, status lifecycle (FIRING, UPDATED, RESOLVED), severity and the
 * one-sentence message.
 */
package dev.tradewatch.domain.alerts;
