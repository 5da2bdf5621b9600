package dev.tradewatch.domain;

import dev.tradewatch.domain.alerts.Alert;
import dev.tradewatch.domain.alerts.AlertKey;
import dev.tradewatch.domain.figures.Basis;
import dev.tradewatch.domain.figures.FigureId;
import dev.tradewatch.domain.figures.FlowKey;
import dev.tradewatch.domain.series.Reported;
import dev.tradewatch.domain.series.YearLedger;
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
  private final TreeMap<String, TreeMap<FigureId, Reported>> reported = new TreeMap<>();
  private final TreeMap<String, TreeMap<AlertKey, Alert>> alerts = new TreeMap<>();

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
    return flow.id() + '@' + year;
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
    Map<FigureId, Reported> values = reported.get(reporter);
    return values == null ? null : values.get(id);
  }

  public void putReported(String reporter, FigureId id, Reported value) {
    if (id.period().getYear() != year) {
      throw new IllegalArgumentException(id + " is not in " + year);
    }
    reported.computeIfAbsent(reporter, r -> new TreeMap<>()).put(id, value);
  }

  /** A reporter's values of this year in period order (read-only; empty when none). */
  public NavigableMap<FigureId, Reported> reported(String reporter) {
    TreeMap<FigureId, Reported> values = reported.get(reporter);
    return values == null
        ? Collections.emptyNavigableMap()
        : Collections.unmodifiableNavigableMap(values);
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
    TreeMap<FigureId, Reported> values = reported.get(reporter);
    if (values == null) {
      return YearLedger.empty(year);
    }
    Reported[] months = new Reported[13];
    Reported[] ytds = new Reported[13];
    values.forEach(
        (id, value) -> {
          Reported[] target = id.basis() == Basis.MONTH ? months : ytds;
          target[id.period().getMonthValue()] = value;
        });
    return YearLedger.reconcile(year, months, ytds);
  }

  /**
   * The series held in {@code years} as whole-history views (every year's values and alerts of each
   * series together), for the API and the gauges, which look at series rather than years.
   */
  public static Collection<SeriesState> series(Iterable<FlowYear> years) {
    Map<String, SeriesState> states = new LinkedHashMap<>();
    for (FlowYear flowYear : years) {
      FlowKey flow = flowYear.flow;
      flowYear.reported.forEach(
          (reporter, values) -> {
            SeriesState state =
                states.computeIfAbsent(
                    flow.series(reporter).id(), id -> new SeriesState(flow.series(reporter)));
            values.forEach(state::putReported);
          });
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
