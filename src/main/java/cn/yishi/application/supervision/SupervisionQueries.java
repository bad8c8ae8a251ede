package cn.yishi.application.supervision;

import cn.yishi.application.port.MonthlyStatistics;
import cn.yishi.application.port.SupervisionStore;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the supervisor dashboard (督办看板 in Cockpit) reads besides the monthly report: the items overdue now grouped
 * by responsible unit, the items under listed supervision (挂牌督办), and cases received and resolved per month. Public
 * facts only: case number, title, community, unit, deadline; never a reporter's name, phone, e-mail or address.
 */
@Service
public class SupervisionQueries {
  public static final int TREND_MIN = 1;
  public static final int TREND_MAX = 24;
  public static final int TREND_DEFAULT = 6;
  private static final Pattern NUMBER = Pattern.compile("\\d{1,3}");
  private static final long MINUTES_A_DAY = Duration.ofDays(1).toMinutes();

  private final SupervisionStore store;
  private final MonthlyStatistics statistics;
  private final Directory directory;
  private final Clock clock;
  private final ZoneId zone;

  public SupervisionQueries(SupervisionStore store, MonthlyStatistics statistics, Directory directory, Clock clock,
      @Value("${yishi.zone}") String zone) {
    this.store = store;
    this.statistics = statistics;
    this.directory = directory;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
  }

  /**
   * An overdue item: a case (type CASE) or a deliberation's resolution item (type ITEM, with its measure).
   * {@code daysOverdue} counts the started days since the deadline (18:00 yesterday is 1 day at 09:00 today).
   */
  public record OverdueItem(String type, String caseNo, String title, String measure, String community,
      String communityName, OffsetDateTime deadline, long daysOverdue, boolean listed) {}

  /** The overdue items of one responsible unit, the most overdue first. */
  public record UnitOverdue(String unit, String unitName, int count, List<OverdueItem> items) {}

  /** Open items whose deadline has passed now, grouped by unit: the units with the most items first. */
  @Transactional(readOnly = true)
  public List<UnitOverdue> overdue() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<String, List<OverdueItem>> byUnit = new LinkedHashMap<>();
    for (SupervisionStore.OpenItem i : store.overdueItems(now)) {
      byUnit.computeIfAbsent(i.unit(), u -> new ArrayList<>()).add(new OverdueItem(i.type().name(), i.caseNo(),
          i.title(), i.measure(), i.community(), communityName(i.community()), i.deadline(), daysOverdue(i.deadline(), now),
          i.listedAt() != null));
    }
    return byUnit.entrySet().stream()
        .map(e -> new UnitOverdue(e.getKey(), unitName(e.getKey()), e.getValue().size(), e.getValue().stream()
            .sorted(Comparator.comparing(OverdueItem::deadline).thenComparing(OverdueItem::caseNo)).toList()))
        .sorted(Comparator.comparingInt(UnitOverdue::count).reversed().thenComparing(UnitOverdue::unit))
        .toList();
  }

  /** An item under listed supervision now, with the unit's and the community's names. */
  public record ListedItem(String caseNo, String title, String community, String communityName, String unit,
      String unitName, OffsetDateTime listedAt) {}

  /** Cases listed and not resolved, closed or declined, and resolution items listed and not completed; oldest first. */
  @Transactional(readOnly = true)
  public List<ListedItem> listed() {
    return statistics.listedNow().stream()
        .map(i -> new ListedItem(i.caseNo(), i.title(), i.community(), communityName(i.community()), i.unit(),
            unitName(i.unit()), i.listedAt()))
        .toList();
  }

  /** One month of the trend. */
  public record TrendMonth(String month, int received, int resolved) {}

  /** The last {@code months} months up to and including the running one. */
  public record Trend(int months, String from, String to, List<TrendMonth> points) {}

  /**
   * Cases received and resolved per month for the last {@code months} months (the running month included), in the
   * offices' time zone.
   *
   * @param months 1 to 24; null for {@value #TREND_DEFAULT}
   * @throws ValidationException naming {@code months} on anything else
   */
  @Transactional(readOnly = true)
  public Trend trend(String months) {
    int n = trendMonths(months);
    YearMonth last = YearMonth.from(OffsetDateTime.now(clock).atZoneSameInstant(zone));
    YearMonth first = last.minusMonths(n - 1L);
    List<OffsetDateTime> bounds = new ArrayList<>(n + 1);
    for (int i = 0; i <= n; i++) {
      bounds.add(first.plusMonths(i).atDay(1).atStartOfDay(zone).toOffsetDateTime());
    }
    List<MonthlyStatistics.MonthCount> counts = statistics.receivedAndResolved(bounds);
    List<TrendMonth> points = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      points.add(new TrendMonth(first.plusMonths(i).toString(), counts.get(i).received(), counts.get(i).resolved()));
    }
    return new Trend(n, first.toString(), last.toString(), points);
  }

  static int trendMonths(String value) {
    if (value == null || value.isBlank()) {
      return TREND_DEFAULT;
    }
    String v = value.strip();
    if (!NUMBER.matcher(v).matches() || Integer.parseInt(v) < TREND_MIN || Integer.parseInt(v) > TREND_MAX) {
      throw new ValidationException(List.of(new FieldError("months", "invalid",
          "月数应为 " + TREND_MIN + " 到 " + TREND_MAX + " 之间的整数")));
    }
    return Integer.parseInt(v);
  }

  static long daysOverdue(OffsetDateTime deadline, OffsetDateTime now) {
    long minutes = Duration.between(deadline, now).toMinutes();
    return minutes <= 0 ? 0 : (minutes + MINUTES_A_DAY - 1) / MINUTES_A_DAY;
  }

  private String unitName(String code) {
    return code == null ? null : directory.unit(code).map(Directory.Unit::name).orElse(code);
  }

  private String communityName(String code) {
    return code == null ? null : directory.community(code).map(Directory.Community::name).orElse(code);
  }
}
