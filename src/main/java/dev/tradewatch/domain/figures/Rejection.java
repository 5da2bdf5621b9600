package dev.tradewatch.domain.figures;

/**
 * Why one record was refused: the reason, the field at fault (empty for the whole record) and
 * detail.
 */
public record Rejection(RejectReason reason, String field, String detail) {

  public static Rejection of(RejectReason reason, String field, String detail) {
    return new Rejection(reason, field == null ? "" : field, detail);
  }

  @Override
  public String toString() {
    return reason.wireName() + (field.isEmpty() ? "" : " (" + field + ")") + ": " + detail;
  }
}
