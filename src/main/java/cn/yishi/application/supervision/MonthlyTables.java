package cn.yishi.application.supervision;

import cn.yishi.application.port.MonthlyReports;
import cn.yishi.application.port.MonthlyStatistics;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.supervision.BoardRules;
import cn.yishi.domain.supervision.MonthlyFigures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rows of a report, summed from the figures per (unit, community): one per unit of the directory (and per
 * unit code found only in the data), one for cases without a unit when there are any, one per community, and
 * the total. Each case belongs to exactly one pair, so the sums count no case twice.
 */
final class MonthlyTables {
  static final String UNIT = "UNIT";
  static final String COMMUNITY = "COMMUNITY";
  static final String TOTAL = "TOTAL";
  static final String NO_UNIT = "-";
  static final String ALL = "*";

  private final Map<String, MonthlyFigures> units = new LinkedHashMap<>();
  private final Map<String, MonthlyFigures> communities = new LinkedHashMap<>();
  private MonthlyFigures total = MonthlyFigures.ZERO;
  private final Directory directory;

  private MonthlyTables(Directory directory) {
    this.directory = directory;
  }

  static MonthlyTables of(Map<MonthlyStatistics.Pair, MonthlyFigures> pairs, Directory directory) {
    MonthlyTables t = new MonthlyTables(directory);
    directory.units().forEach(u -> t.units.put(u.code(), MonthlyFigures.ZERO));
    directory.communities().forEach(c -> t.communities.put(c.code(), MonthlyFigures.ZERO));
    pairs.forEach((pair, f) -> {
      t.units.merge(pair.unit() == null ? NO_UNIT : pair.unit(), f, MonthlyFigures::plus);
      t.communities.merge(pair.community(), f, MonthlyFigures::plus);
      t.total = t.total.plus(f);
    });
    if (t.units.containsKey(NO_UNIT)) {
      // cases without a unit last
      MonthlyFigures none = t.units.remove(NO_UNIT);
      t.units.put(NO_UNIT, none);
    }
    return t;
  }

  /** Restores the tables of a stored report, units and communities in the directory's order. */
  static MonthlyTables of(List<MonthlyReports.Row> rows, Directory directory) {
    MonthlyTables t = new MonthlyTables(directory);
    List<String> unitOrder = directory.units().stream().map(Directory.Unit::code).toList();
    List<String> communityOrder = directory.communities().stream().map(Directory.Community::code).toList();
    List<MonthlyReports.Row> ordered = rows.stream().sorted(java.util.Comparator
        .comparingInt((MonthlyReports.Row r) -> List.of(UNIT, COMMUNITY, TOTAL).indexOf(r.scope()))
        .thenComparingInt(r -> position(r.scope().equals(UNIT) ? unitOrder : communityOrder, r.code()))
        .thenComparing(MonthlyReports.Row::code)).toList();
    for (MonthlyReports.Row r : ordered) {
      switch (r.scope()) {
        case UNIT -> t.units.put(r.code(), r.figures());
        case COMMUNITY -> t.communities.put(r.code(), r.figures());
        case TOTAL -> t.total = r.figures();
        default -> throw new IllegalStateException("unknown scope " + r.scope());
      }
    }
    return t;
  }

  /** Known codes in the directory's order, unknown ones after them, cases without a unit last. */
  private static int position(List<String> order, String code) {
    if (NO_UNIT.equals(code)) {
      return Integer.MAX_VALUE;
    }
    int i = order.indexOf(code);
    return i < 0 ? order.size() : i;
  }

  List<MonthlyReports.Row> rows() {
    List<MonthlyReports.Row> rows = new ArrayList<>();
    units.forEach((code, f) -> rows.add(new MonthlyReports.Row(UNIT, code, f)));
    communities.forEach((code, f) -> rows.add(new MonthlyReports.Row(COMMUNITY, code, f)));
    rows.add(new MonthlyReports.Row(TOTAL, ALL, total));
    return rows;
  }

  /** The units to rank on the red and black board (not the cases without a unit). */
  List<BoardRules.Standing> standings() {
    List<BoardRules.Standing> s = new ArrayList<>();
    units.forEach((code, f) -> {
      if (!NO_UNIT.equals(code)) {
        s.add(new BoardRules.Standing(code, unitName(code), f));
      }
    });
    return s;
  }

  Map<String, MonthlyFigures> units() {
    return units;
  }

  Map<String, MonthlyFigures> communities() {
    return communities;
  }

  MonthlyFigures total() {
    return total;
  }

  MonthlyFigures unit(String code) {
    return units.getOrDefault(code, MonthlyFigures.ZERO);
  }

  List<MonthlyReportView.FigureRow> unitRows() {
    List<MonthlyReportView.FigureRow> rows = new ArrayList<>();
    units.forEach((code, f) -> rows.add(MonthlyReportView.FigureRow.of(code, unitName(code), f)));
    return rows;
  }

  List<MonthlyReportView.FigureRow> communityRows() {
    List<MonthlyReportView.FigureRow> rows = new ArrayList<>();
    communities.forEach((code, f) -> rows.add(MonthlyReportView.FigureRow.of(code, communityName(code), f)));
    return rows;
  }

  MonthlyReportView.FigureRow totalRow() {
    return MonthlyReportView.FigureRow.of(ALL, directory.countyName(), total);
  }

  /** Board entries as stored (codes only) with the units' names from the directory. */
  List<BoardRules.Entry> named(List<BoardRules.Entry> entries) {
    return entries.stream()
        .map(e -> new BoardRules.Entry(e.board(), e.rank(), e.unit(), unitName(e.unit()), e.reason()))
        .toList();
  }

  String unitName(String code) {
    if (NO_UNIT.equals(code)) {
      return "未指定责任单位";
    }
    return directory.unit(code).map(Directory.Unit::name).orElse(Objects.requireNonNullElse(code, NO_UNIT));
  }

  String communityName(String code) {
    return directory.community(code).map(Directory.Community::name).orElse(code);
  }

  /** 代办 per service and township, with the township's name (上月 figures as stored, or computed for the running month). */
  static List<MonthlyReportView.ProxyLine> proxyLines(List<cn.yishi.application.port.ProxyMonthlyFigures.Row> rows,
      Directory directory) {
    return rows.stream().map(r -> new MonthlyReportView.ProxyLine(r.serviceCode(), r.serviceName(), r.street(),
        directory.streets().stream().filter(s -> s.code().equals(r.street())).map(Directory.Street::name).findFirst()
            .orElse(r.street()), r.received(), r.doneInTime(), r.overdue(), r.rated(), r.averageRating())).toList();
  }
}
