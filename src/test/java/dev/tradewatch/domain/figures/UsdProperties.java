package dev.tradewatch.domain.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Invariants of money: rounding to the cent and the human form of amounts. */
class UsdProperties {

  private static final BigDecimal LIMIT_CENTS = BigDecimal.TEN.pow(15);
  private static final Pattern HUMAN = Pattern.compile("\\$(\\d+)|\\$(\\d+\\.\\d)([KMBT])");
  private static final Map<String, Integer> UNIT_DIGITS = Map.of("K", 3, "M", 6, "B", 9, "T", 12);

  @Property(tries = 2000)
  void anAmountIsItsValueRoundedHalfUpToTheCentWhenThatIsInRange(
      @ForAll("amounts") BigDecimal usd) {
    BigDecimal rounded = usd.setScale(2, RoundingMode.HALF_UP).movePointRight(2);
    boolean inRange = rounded.signum() >= 0 && rounded.compareTo(LIMIT_CENTS) < 0;

    OptionalLong cents = Usd.centsInRange(usd);

    assertThat(cents.isPresent()).isEqualTo(inRange);
    if (inRange) {
      assertThat(cents.getAsLong()).isEqualTo(rounded.longValueExact());
      assertThat(BigDecimal.valueOf(cents.getAsLong(), 2).subtract(usd).abs())
          .isLessThanOrEqualTo(new BigDecimal("0.005"));
    }
  }

  @Property(tries = 3000)
  void theHumanFormIsWithinHalfItsLastDigitAndNeverAThousandOfAUnit(@ForAll("cents") long cents) {
    String human = Usd.humanise(cents);
    Matcher matcher = HUMAN.matcher(human);
    assertThat(matcher.matches()).as(human).isTrue();

    BigDecimal shown;
    BigDecimal halfDigit;
    if (matcher.group(1) != null) {
      shown = new BigDecimal(matcher.group(1));
      halfDigit = new BigDecimal("0.5");
      assertThat(shown).as(human).isLessThan(BigDecimal.valueOf(1000));
    } else {
      int digits = UNIT_DIGITS.get(matcher.group(3));
      shown = new BigDecimal(matcher.group(2)).movePointRight(digits);
      halfDigit = new BigDecimal("0.05").movePointRight(digits);
      if (!matcher.group(3).equals("T")) {
        assertThat(new BigDecimal(matcher.group(2))).as(human).isLessThan(BigDecimal.valueOf(1000));
      }
      assertThat(new BigDecimal(matcher.group(2))).as(human).isGreaterThanOrEqualTo(BigDecimal.ONE);
    }
    assertThat(shown.subtract(BigDecimal.valueOf(cents, 2)).abs())
        .as(human)
        .isLessThanOrEqualTo(halfDigit);
  }

  @Provide
  Arbitrary<Long> cents() {
    // every order of magnitude alike, and many amounts just below a unit's roll-over
    Arbitrary<Long> anySize =
        Arbitraries.integers()
            .between(0, 17)
            .flatMap(digits -> Arbitraries.longs().between(0, pow10(digits)));
    Arbitrary<Long> nearRollOver =
        Combinators.combine(
                Arbitraries.integers().between(4, 17), Arbitraries.longs().between(0, 100_000))
            .as((digits, below) -> Math.max(0, pow10(digits) - below));
    return Arbitraries.oneOf(anySize, nearRollOver);
  }

  /** Amounts with up to 20 decimals around zero, the cent and the 10^13 limit. */
  @Provide
  Arbitrary<BigDecimal> amounts() {
    Arbitrary<BigDecimal> base =
        Arbitraries.of("0", "0.005", "434999.99999999994", "9999999999999.995", "1e13", "1")
            .map(BigDecimal::new);
    Arbitrary<BigDecimal> offset =
        Combinators.combine(
                Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L),
                Arbitraries.integers().between(0, 20))
            .as(BigDecimal::valueOf);
    Arbitrary<BigDecimal> scaled =
        Combinators.combine(
                Arbitraries.longs().between(-1L, Long.MAX_VALUE),
                Arbitraries.integers().between(-6, 20))
            .as(BigDecimal::valueOf);
    return Arbitraries.oneOf(Combinators.combine(base, offset).as(BigDecimal::add), scaled);
  }

  private static long pow10(int digits) {
    return BigDecimal.TEN.pow(digits).longValueExact();
  }

  @Property(tries = 200)
  void wholeDollarAmountsAreExactlyAHundredCents(
      @ForAll @LongRange(min = 0, max = 9_999_999_999_999L) long usd) {
    assertThat(Usd.centsInRange(BigDecimal.valueOf(usd))).hasValue(usd * 100);
  }
}
