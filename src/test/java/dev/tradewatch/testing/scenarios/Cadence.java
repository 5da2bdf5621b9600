package dev.tradewatch.testing.scenarios;

/** How a reporter publishes a series: which months, on which basis. */
enum Cadence {
  /** Every month, the month's value alone. */
  MONTHLY,
  /** Every month, the month's value and the year to date, in one release. */
  MONTHLY_AND_YTD,
  /** Every month, only the year to date (months are derived by difference). */
  MONTHLY_YTD_ONLY,
  /** Every quarter, the year to date at months 3, 6, 9 and 12; no month is ever known. */
  QUARTERLY_YTD;

  /** Whether months of this reporter's series become known (reported or derived). */
  boolean knowsMonths() {
    return this != QUARTERLY_YTD;
  }

  boolean publishesIn(int monthOfYear) {
    return this != QUARTERLY_YTD || monthOfYear % 3 == 0;
  }

  boolean reportsMonth() {
    return this == MONTHLY || this == MONTHLY_AND_YTD;
  }

  boolean reportsYtd() {
    return this != MONTHLY;
  }
}
