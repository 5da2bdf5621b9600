package dev.tradewatch.domain.figures;

/** Why a record was not accepted; the wire name goes into the dead-letter headers and metrics. */
public enum RejectReason {
  OVERSIZED("oversized"),
  BAD_ENCODING("bad-encoding"),
  NOT_JSON("not-json"),
  NOT_AN_OBJECT("not-an-object"),
  MISSING_FIELD("missing-field"),
  WRONG_TYPE("wrong-type"),
  UNKNOWN_COUNTRY("unknown-country"),
  SAME_COUNTRY("same-country"),
  BAD_PERIOD("bad-period"),
  FUTURE_PERIOD("future-period"),
  BAD_BASIS("bad-basis"),
  BAD_VALUE("bad-value"),
  BAD_TEXT("bad-text"),
  BAD_PUBLISHED_AT("bad-published-at");

  private final String wireName;

  RejectReason(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
