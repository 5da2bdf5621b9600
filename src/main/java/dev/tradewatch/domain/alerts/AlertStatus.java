package dev.tradewatch.domain.alerts;

/** The life of an alert: it fires, may be updated by revisions while it fires, and resolves. */
public enum AlertStatus {
  FIRING,
  UPDATED,
  RESOLVED;

  public boolean isActive() {
    return this != RESOLVED;
  }
}
