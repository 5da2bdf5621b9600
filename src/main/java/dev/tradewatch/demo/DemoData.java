package dev.tradewatch.demo;

import dev.tradewatch.replay.FigureFlow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's dataset: the reference case (Turkish Exporters' Assembly figures, bundled as {@code
 * seed-case.jsonl}) first, so its alerts appear within seconds, then a synthetic background of
 * about 200 pairs over 2021–2023 from {@link SyntheticFeed}.
 */
public final class DemoData {

  public static final long SEED = 20_200_927L; // the day the fighting began
  public static final int PAIRS = 200;
  public static final int FIRST_YEAR = 2021;
  public static final int YEARS = 3;

  private DemoData() {}

  public static List<String> referenceCase() {
    try (InputStream in = DemoData.class.getResourceAsStream("/seed-case.jsonl")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static SyntheticFeed.Feed background() {
    return SyntheticFeed.generate(SEED, PAIRS, FIRST_YEAR, YEARS);
  }

  /** The latest publication in the demo's data: the "now" its sources are judged at. */
  public static Instant latestPublishedAt() {
    Instant latest = Instant.EPOCH;
    for (String line : lines()) {
      // read as replay and backtest read it (FileScan)
      Instant at = FigureFlow.of(line.getBytes(StandardCharsets.UTF_8)).publishedAt();
      if (at != null && at.isAfter(latest)) {
        latest = at;
      }
    }
    return latest;
  }

  public static List<String> lines() {
    List<String> lines = new ArrayList<>(referenceCase());
    lines.addAll(background().lines());
    lines.addAll(AnalystCases.lines(SEED, FIRST_YEAR, YEARS));
    return lines;
  }
}
