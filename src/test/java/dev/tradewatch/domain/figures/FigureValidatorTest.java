package dev.tradewatch.domain.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The edges of the input contract (docs/contract.md, "Input figure") that feeds really hit. */
class FigureValidatorTest {

  private static final Instant NOW = Instant.parse("2026-11-27T23:10:00Z");
  private static final FigureValidator VALIDATOR =
      new FigureValidator(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void shouldRoundAValueWithManyDecimalsToTheCent() {
    Validation validation = validate(value("434999.99999999994"));

    assertThat(validation.figure().valueCents()).isEqualTo(43_500_000L);
  }

  @Test
  void shouldRefuseAValueThatRoundsToTenToTheThirteenth() {
    Validation validation = validate(value("9999999999999.999"));

    assertThat(validation.rejection().reason()).isEqualTo(RejectReason.BAD_VALUE);
    assertThat(validation.rejection().detail())
        .isEqualTo(
            "expected 0 ≤ value < 10^13 after rounding to the cent, found 9999999999999.999");
  }

  @Test
  void shouldMakeACategoryWithSurroundingSpacesTheSameSeries() {
    Validation trailing = validate(category("total "));
    Validation leading = validate(category(" total"));
    Validation inner = validate(category(" defence aerospace\t"));

    assertThat(trailing.figure().series()).isEqualTo(leading.figure().series());
    assertThat(trailing.figure().series().id()).isEqualTo("TUR-AZE-total-TUR");
    assertThat(inner.figure().series().category()).isEqualTo("defence aerospace");
  }

  @Test
  void shouldRefuseACategoryOfSpacesOnly() {
    assertThat(validate(category("   ")).rejection().reason()).isEqualTo(RejectReason.BAD_TEXT);
  }

  @Test
  void shouldRefuseAPublishedAtMoreThanADayAhead() {
    Validation farAhead = validate(publishedAt("+12021-10-02T00:00:00Z"));
    Validation justOver = validate(publishedAt("2026-11-28T23:10:01Z"));

    assertThat(farAhead.rejection())
        .isEqualTo(
            Rejection.of(
                RejectReason.BAD_PUBLISHED_AT,
                "publishedAt",
                "+12021-10-02T00:00:00Z is more than a day after the current time"));
    assertThat(justOver.rejection().reason()).isEqualTo(RejectReason.BAD_PUBLISHED_AT);
  }

  @Test
  void shouldRefuseAPublishedAtBeforeTheYearZero() {
    // Java reads signed years; an alert's asOf must stay an RFC 3339 date-time
    assertThat(validate(publishedAt("-0001-10-02T00:00:00Z")).rejection())
        .isEqualTo(
            Rejection.of(
                RejectReason.BAD_PUBLISHED_AT,
                "publishedAt",
                "-0001-10-02T00:00:00Z is before the year 0000"));
    assertThat(validate(publishedAt("0000-01-01T00:00:00Z")).isAccepted()).isTrue();
  }

  @Test
  void shouldAcceptAPublishedAtUpToADayAhead() {
    Validation validation = validate(publishedAt("2026-11-28T23:10:00Z"));

    assertThat(validation.figure().publishedAt()).isEqualTo(Instant.parse("2026-11-28T23:10:00Z"));
  }

  private static Validation validate(FigureInput input) {
    return VALIDATOR.validate(input, NOW);
  }

  private static FigureInput value(String usd) {
    return input(new BigDecimal(usd), null, null);
  }

  private static FigureInput category(String category) {
    return input(BigDecimal.ONE, category, null);
  }

  private static FigureInput publishedAt(String publishedAt) {
    return input(BigDecimal.ONE, null, publishedAt);
  }

  private static FigureInput input(BigDecimal usd, String category, String publishedAt) {
    return new FigureInput("TUR", "AZE", "2020-09", null, usd, category, null, "test", publishedAt);
  }
}
