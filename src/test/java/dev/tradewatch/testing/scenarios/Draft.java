package dev.tradewatch.testing.scenarios;

import dev.tradewatch.testing.scenarios.Scenario.Control;
import dev.tradewatch.testing.scenarios.Scenario.Label;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A scenario being built: its reporters, the sides of its flows, its labels and controls. Every
 * random choice goes through one {@link Random}, in a fixed order, so a seed gives one scenario.
 */
final class Draft {

  /** Reporters of ordinary flows. */
  private static final String[] COUNTRIES = {
    "DEU", "FRA", "ITA", "ESP", "NLD", "BEL", "POL", "CZE", "SWE", "NOR", "FIN", "DNK", "AUT",
    "CHE", "GBR", "IRL", "PRT", "GRC", "HUN", "ROU", "USA", "CAN", "MEX", "BRA", "ARG", "CHL",
    "CHN", "JPN", "KOR", "IND", "IDN", "MYS", "THA", "VNM", "SGP", "AUS", "ZAF", "EGY", "MAR",
    "SAU", "ARE", "ISR"
  };

  /**
   * Reporters kept out of ordinary flows, for the source-silent events and controls: whether one of
   * them is silent depends on all it publishes in a category, so nothing else may add to it.
   */
  static final String[] RESERVED = {
    "TUR", "SRB", "UKR", "KAZ", "PAK", "NGA", "KEN", "PER", "COL", "BGR", "HRV", "SVN"
  };

  static final String[] CATEGORIES = {"total", "93", "8710", "8802", "defence-aerospace"};

  final Random random;
  final Timeline timeline;
  final Scenarios.Options options;
  final long seed;
  final List<Side> sides = new ArrayList<>();
  final List<Label> labels = new ArrayList<>();
  final List<Control> controls = new ArrayList<>();
  private final Map<String, Reporter> reporters = new LinkedHashMap<>();
  private final List<Reporter> pool = new ArrayList<>();
  private final Set<Flow> flows = new HashSet<>();

  Draft(long seed, Scenarios.Options options) {
    this.seed = seed;
    this.options = options;
    this.random = new Random(seed);
    this.timeline = Timeline.of(options.firstYear(), options.years());
    List<String> codes = new ArrayList<>(Arrays.asList(COUNTRIES));
    Collections.shuffle(codes, random);
    Cadence[] cadences = Cadence.values();
    for (int i = 0; i < codes.size(); i++) {
      // the first reporters take each cadence once, so every scenario has all of them
      Cadence cadence = i < cadences.length ? cadences[i] : usualCadence();
      pool.add(reporter(codes.get(i), cadence, 30 + random.nextInt(46), random.nextInt(5)));
    }
  }

  private Cadence usualCadence() {
    int draw = random.nextInt(100);
    return draw < 40
        ? Cadence.MONTHLY
        : draw < 60
            ? Cadence.MONTHLY_AND_YTD
            : draw < 75 ? Cadence.MONTHLY_YTD_ONLY : Cadence.QUARTERLY_YTD;
  }

  /** A new reporter, known by its code from now on. */
  Reporter reporter(String code, Cadence cadence, int delayDays, int jitterDays) {
    Reporter reporter =
        new Reporter(
            code,
            cadence,
            delayDays,
            jitterDays,
            6 + random.nextInt(12),
            random.nextBoolean(),
            seed);
    reporters.put(code, reporter);
    return reporter;
  }

  Reporter reporterOf(String code) {
    return reporters.get(code);
  }

  Reporter pick(Predicate<Cadence> cadence) {
    while (true) {
      Reporter reporter = pool.get(random.nextInt(pool.size()));
      if (cadence.test(reporter.cadence())) {
        return reporter;
      }
    }
  }

  String category() {
    return CATEGORIES[random.nextInt(CATEGORIES.length)];
  }

  /** A flow no other side of the scenario uses yet, with reporters of these cadences. */
  Flow newFlow(Predicate<Cadence> exporterCadence, Predicate<Cadence> importerCadence) {
    Reporter exporter = pick(exporterCadence);
    return newFlow(exporter.code(), importerCadence, category());
  }

  /** A flow of {@code exporter} and {@code category} to an importer not used with them yet. */
  Flow newFlow(String exporter, Predicate<Cadence> importerCadence, String category) {
    while (true) {
      Reporter importer = pick(importerCadence);
      Flow flow = new Flow(exporter, importer.code(), category);
      if (!importer.code().equals(exporter) && flows.add(flow)) {
        return flow;
      }
    }
  }

  /** Claims {@code flow} if unused. */
  boolean claim(Flow flow) {
    return !flow.exporter().equals(flow.importer()) && flows.add(flow);
  }

  /** The exporter's side of {@code flow}. */
  Side exporterSide(Flow flow, Shape shape) {
    return side(flow, flow.exporter(), shape, 1.0);
  }

  /** The importer's mirror side, CIF/FOB 2–10 % above the exporter's. */
  Side mirrorSide(Flow flow, Shape shape) {
    return side(flow, flow.importer(), shape, between(1.02, 1.10));
  }

  /** A mirror side for a share of flows ({@code mirrorShare}), else null. */
  Side maybeMirror(Flow flow, Shape shape) {
    return random.nextDouble() < options.mirrorShare() ? mirrorSide(flow, shape) : null;
  }

  Side side(Flow flow, String reporter, Shape shape, double multiplier) {
    Side side =
        new Side(
            flow,
            reporters.get(reporter),
            multiplier,
            shape.side(random, timeline.months(), multiplier));
    sides.add(side);
    return side;
  }

  double between(double low, double high) {
    return low + (high - low) * random.nextDouble();
  }

  /** A year with a full year before it, as an offset from the first year. */
  int eventYear() {
    return 1 + random.nextInt(options.years() - 1);
  }

  int lastYear() {
    return options.years() - 1;
  }

  /** The month {@code index} of {@code side} with {@code value} in place of its expected value. */
  static long scaled(Side side, double value, Random random) {
    return Math.round(value * side.multiplier * (0.99 + 0.02 * random.nextDouble()));
  }

  /** The day the value of month {@code index} was first published by any of {@code sides}. */
  LocalDate firstKnown(int index, Side... sides) {
    return Arrays.stream(sides)
        .filter(side -> side != null && side.reporter.cadence().knowsMonths())
        .map(side -> publishedValue(side, index))
        .min(Instant::compareTo)
        .orElseThrow()
        .atZone(ZoneOffset.UTC)
        .toLocalDate();
  }

  /** The day both {@code a} and {@code b} had published month {@code index}. */
  LocalDate bothKnown(int index, Side a, Side b) {
    Instant later = max(publishedValue(a, index), publishedValue(b, index));
    return later.atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** When the final value of month {@code index} was published: its release or its revision. */
  private Instant publishedValue(Side side, int index) {
    Instant release = side.reporter.release(timeline, index);
    return side.firstPublished.containsKey(index)
        ? release.plus(Publisher.PLANTED_REVISION)
        : release;
  }

  void label(String rule, Flow flow, int index, LocalDate eventDate, String description) {
    labels.add(
        new Label(
            rule,
            flow.exporter(),
            flow.importer(),
            timeline.period(index),
            flow.category(),
            eventDate,
            description));
  }

  void control(String kind, Flow flow, String... rules) {
    controls.add(
        new Control(kind, flow.exporter(), flow.importer(), flow.category(), Set.of(rules)));
  }

  static void markPlanted(Side... sides) {
    for (Side side : sides) {
      if (side != null) {
        side.planted = true;
      }
    }
  }
}
