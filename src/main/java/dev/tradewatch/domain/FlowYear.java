package dev.tradewatch.domain;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertKey;
import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.FigureId;
import dev.tradewatch.domain.figures.FlowKey;
import dev.tradewatch.domain.series.Reported;
import dev.tradewatch.domain.series.YearLedger;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * What tradewatch keeps of one flow in one calendar year: each reporter's latest reported value of
 * every figure of that year (revisions replace, never add), and the last emitted state of every
 * alert whose period lies in it, by subject — a reporter for the alerts of its series. Kept per
 * year so that a figure reads and writes only the few years it can change, whatever the history.
 * Mutable; owned by one stream task at a time.
 */
public final class FlowYear {

  private final FlowKey flow;
  private final int year;
  private final TreeMap<String, ReporterValues> reported = new TreeMap<>();
  private final TreeMap<String, TreeMap<AlertKey, Alert>> alerts = new TreeMap<>();

  /**
   * One reporter's values of the year: at most a month and a ytd value per month, in arrays indexed
   * by month (1..12), as the ledger reads them; and the ledger, built when first asked for and
   * forgotten when a value changes (rules ask for a year's ledger several times per figure).
   */
  private static final class ReporterValues {
    private final Reported[] months = new Reported[13];
    private final Reported[] ytds = new Reported[13];
    private YearLedger ledger;

    Reported[] of(Basis basis) {
      return basis == Basis.MONTH ? months : ytds;
    }
  }

  /** The stored alerts until they are first looked at, or null. */
  private StoredAlerts unread;

  /**
   * A year's alerts as stored, read only when first looked at: most reads of a year (the years
   * before a figure's, for their values) never look at its alerts.
   */
  public interface StoredAlerts {

    /** Puts every stored alert into {@code year} ({@link #putAlert}). */
    void readInto(FlowYear year);
  }

  public FlowYear(FlowKey flow, int year) {
    this.flow = flow;
    this.year = year;
  }

  /** Gives this year, which has no alerts yet, the alerts stored with it, to read when needed. */
  public void readAlertsLater(StoredAlerts stored) {
    if (unread != null || !alerts.isEmpty()) {
      throw new IllegalStateException("alerts of " + storeKey() + " already given");
    }
    unread = stored;
  }

  /**
   * The stored alerts when they have not been looked at since ({@link #readAlertsLater}), so are
   * unchanged and can be written back as they were; null otherwise.
   */
  public StoredAlerts unreadAlerts() {
    return unread;
  }

  private TreeMap<String, TreeMap<AlertKey, Alert>> alertsBySubject() {
    if (unread != null) {
      StoredAlerts stored = unread;
      unread = null; // first: reading puts the alerts through this method
      stored.readInto(this);
    }
    return alerts;
  }

  /** The store key of a flow's year, e.g. {@code TUR-AZE-defence-aerospace@2020}. */
  public static String storeKey(FlowKey flow, int year) {
    return storeKey(flow.id(), year);
  }

  /** The same, from the flow's id ({@link FlowKey#id}) when the caller already has it. */
  public static String storeKey(String flowId, int year) {
    return flowId + '@' + year;
  }

  public String storeKey() {
    return storeKey(flow, year);
  }

  public FlowKey flow() {
    return flow;
  }

  public int year() {
    return year;
  }

  public boolean isEmpty() {
    return reported.isEmpty() && unread == null && alerts.isEmpty();
  }

  /** The reporters with values reported in this year. */
  public Set<String> reporters() {
    return Collections.unmodifiableSet(reported.keySet());
  }

  public Reported reported(String reporter, FigureId id) {
    ReporterValues values = reported.get(reporter);
    return values == null ? null : values.of(id.basis())[id.period().getMonthValue()];
  }

  public void putReported(String reporter, FigureId id, Reported value) {
    if (id.period().getYear() != year) {
      throw new IllegalArgumentException(id + " is not in " + year);
    }
    putReported(reporter, id.period().getMonthValue(), id.basis(), value);
  }

  /** Stores {@code reporter}'s value for {@code month} (1..12) of this year on {@code basis}. */
  public void putReported(String reporter, int month, Basis basis, Reported value) {
    ReporterValues values = reported.computeIfAbsent(reporter, r -> new ReporterValues());
    values.of(basis)[month] = value;
    values.ledger = null;
  }

  /** Whether {@code reporter} reported any value in this year. */
  public boolean hasReported(String reporter) {
    return reported.containsKey(reporter);
  }

  /**
   * {@code reporter}'s values of this year on {@code basis}, indexed by month (1..12; null where
   * none): a copy.
   */
  public Reported[] reportedByMonth(String reporter, Basis basis) {
    ReporterValues values = reported.get(reporter);
    return values == null ? new Reported[13] : values.of(basis).clone();
  }

  /** The last month (1..12) with a value of {@code reporter}, month or ytd; 0 when none. */
  public int lastReportedMonth(String reporter) {
    ReporterValues values = reported.get(reporter);
    if (values != null) {
      for (int m = 12; m >= 1; m--) {
        if (values.months[m] != null || values.ytds[m] != null) {
          return m;
        }
      }
    }
    return 0;
  }

  /** A reporter's values of this year in period order (a copy; empty when none). */
  public NavigableMap<FigureId, Reported> reported(String reporter) {
    TreeMap<FigureId, Reported> copy = new TreeMap<>();
    ReporterValues values = reported.get(reporter);
    if (values != null) {
      for (int m = 1; m <= 12; m++) {
        for (Basis basis : Basis.values()) {
          Reported value = values.of(basis)[m];
          if (value != null) {
            copy.put(new FigureId(YearMonth.of(year, m), basis), value);
          }
        }
      }
    }
    return Collections.unmodifiableNavigableMap(copy);
  }

  /** The subjects with alerts in this year. */
  public Set<String> alertSubjects() {
    return Collections.unmodifiableSet(alertsBySubject().keySet());
  }

  public Alert alert(String subject, AlertKey key) {
    Map<AlertKey, Alert> ofSubject = alertsBySubject().get(subject);
    return ofSubject == null ? null : ofSubject.get(key);
  }

  /** Stores {@code alert} under its subject, its series' reporter. */
  public void putAlert(Alert alert) {
    if (alert.period().getYear() != year) {
      throw new IllegalArgumentException(alert.alertId() + " is not in " + year);
    }
    alertsBySubject()
        .computeIfAbsent(alert.series().reporter(), s -> new TreeMap<>())
        .put(alert.key(), alert);
  }

  /** The alerts of one subject, in period then rule order (read-only; empty when none). */
  public Collection<Alert> alerts(String subject) {
    TreeMap<AlertKey, Alert> ofSubject = alertsBySubject().get(subject);
    return ofSubject == null ? List.of() : Collections.unmodifiableCollection(ofSubject.values());
  }

  /** Every alert of this year, by subject, then period and rule. */
  public List<Alert> alerts() {
    List<Alert> all = new ArrayList<>();
    alertsBySubject().values().forEach(ofSubject -> all.addAll(ofSubject.values()));
    return all;
  }

  /** The reconciled ledger of {@code reporter}'s series in this year. */
  public YearLedger ledger(String reporter) {
    ReporterValues values = reported.get(reporter);
    if (values == null) {
      return YearLedger.empty(year);
    }
    if (values.ledger == null) {
      values.ledger = YearLedger.reconcile(year, values.months, values.ytds);
    }
    return values.ledger;
  }

  /**
   * The series held in {@code years} as whole-history views (every year's values and alerts of each
   * series together), for the API and the gauges, which look at series rather than years.
   */
  public static Collection<SeriesState> series(Iterable<FlowYear> years) {
    Map<String, SeriesState> states = new LinkedHashMap<>();
    for (FlowYear flowYear : years) {
      FlowKey flow = flowYear.flow;
      for (String reporter : flowYear.reported.keySet()) {
        SeriesState state =
            states.computeIfAbsent(
                flow.series(reporter).id(), id -> new SeriesState(flow.series(reporter)));
        flowYear.reported(reporter).forEach(state::putReported);
      }
      flowYear
          .alertsBySubject()
          .forEach(
              (subject, ofSubject) -> {
                SeriesState state =
                    states.computeIfAbsent(
                        flow.series(subject).id(), id -> new SeriesState(flow.series(subject)));
                ofSubject.values().forEach(state::putAlert);
              });
    }
    return states.values();
  }
}
