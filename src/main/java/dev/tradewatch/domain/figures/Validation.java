package dev.tradewatch.domain.figures;

/** The outcome of validating one record: exactly one of a figure and a rejection is present. */
public record Validation(Figure figure, Rejection rejection) {

  public static Validation accepted(Figure figure) {
    return new Validation(figure, null);
  }

  public static Validation rejected(RejectReason reason, String field, String detail) {
    return new Validation(null, Rejection.of(reason, field, detail));
  }

  public boolean isAccepted() {
    return figure != null;
  }
}
