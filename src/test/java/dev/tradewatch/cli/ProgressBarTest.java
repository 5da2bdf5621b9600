package dev.tradewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewatch.replay.FileReplay;
import dev.tradewatch.testing.KafkaTestSupport;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  private final StringWriter text = new StringWriter();

  private static FileReplay.Progress at(long produced, double fraction) {
    return new FileReplay.Progress() {
      @Override
      public long produced() {
        return produced;
      }

      @Override
      public double fractionRead() {
        return fraction;
      }
    };
  }

  private String written() {
    return text.toString(); // StringWriter is synchronized
  }

  @Test
  void shouldRedrawOnATimerWhileNoFigureIsProduced() {
    ProgressBar bar = new ProgressBar(new PrintWriter(text), true, 10);

    bar.started(at(7, 0.25));

    // nothing calls the bar: a slow replay still shows its progress
    assertThat(KafkaTestSupport.eventually(() -> written().split("\r", -1).length > 3)).isTrue();
    bar.finished();
    assertThat(written()).contains(" 25%", "7 figures").endsWith(System.lineSeparator());
  }

  @Test
  void shouldPrintAWarningOnALineOfItsOwnAfterClearingTheBar() {
    ProgressBar bar = new ProgressBar(new PrintWriter(text), true, 60_000);
    bar.started(at(3, 0.5));
    KafkaTestSupport.eventually(() -> written().contains("3 figures"));
    String drawn = written();

    bar.warn("malformed line 4: not valid JSON");
    bar.finished();

    String after = written().substring(drawn.length());
    int barWidth = drawn.length() - drawn.lastIndexOf('\r') - 1;
    assertThat(after)
        .startsWith(
            "\r"
                + " ".repeat(barWidth)
                + "\r"
                + "malformed line 4: not valid JSON"
                + System.lineSeparator());
  }

  @Test
  void shouldStaySilentButForWarningsWithoutAConsole() {
    ProgressBar bar = new ProgressBar(new PrintWriter(text), false, 10);

    bar.started(at(3, 0.5));
    bar.warn("malformed line 4: x");
    bar.finished();

    assertThat(written()).isEqualTo("malformed line 4: x" + System.lineSeparator());
  }

  @Test
  void shouldNotShowAHundredPercentBeforeTheEnd() {
    assertThat(ProgressBar.line(10, 0.996, 1)).contains(" 99%");
    assertThat(ProgressBar.line(10, 1.0, 1)).contains("100%");
  }
}
