package dev.tradewatch.domain.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The validator's checks without a regex say what the regexes of the input contract say. */
class FigureTextShapeProperties {

  private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern CATEGORY = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._/&()+-]*");

  @Property(tries = 2000)
  void periodsAreShapedAsTheRegexSays(@ForAll("periodLike") String text) {
    assertThat(FigureValidator.isPeriodShaped(text)).isEqualTo(PERIOD.matcher(text).matches());
  }

  @Property(tries = 2000)
  void categoriesAreWhatTheRegexSays(@ForAll("categoryLike") String text) {
    assertThat(FigureValidator.isCategory(text))
        .isEqualTo(text.length() <= 64 && CATEGORY.matcher(text).matches());
  }

  @Provide
  Arbitrary<String> periodLike() {
    return Arbitraries.strings().withChars("0123456789-/ a٣").ofMinLength(0).ofMaxLength(9);
  }

  @Provide
  Arbitrary<String> categoryLike() {
    return Arbitraries.strings()
        .withChars("aZ09 ._/&()+-#*\t\nÄЖ٣")
        .withCharRange((char) 0, (char) 0x7f)
        .ofMinLength(0)
        .ofMaxLength(70);
  }
}
