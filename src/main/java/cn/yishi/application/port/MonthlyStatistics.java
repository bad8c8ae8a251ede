package cn.yishi.application.port;

import cn.yishi.domain.supervision.MonthlyFigures;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The monthly dispatch's read of the case tables: SQL aggregates over cases, their timeline, evaluations,
 * supervision orders and resolution items, by time on indexed columns. Each figure is defined on
 * {@link MonthlyFigures}.
 */
public interface MonthlyStatistics {
  /** A responsible unit (null while a case has none) and a community. */
  record Pair(String unit, String community) {}

  /**
   * The figures of the month {@code [from, to)} per unit and community. {@code cutoff} is the end of the month,
   * or now for the running month: a pending case counts as overdue when its deadline lies before it.
   */
  Map<Pair, MonthlyFigures> figures(OffsetDateTime from, OffsetDateTime to, OffsetDateTime cutoff);

  /** A case of the monthly publication (一月一公示): public facts only, nothing finer than the compound. */
  record PublicationCase(String caseNo, String category, String title, String community, String compound,
      String status, String unit, OffsetDateTime receivedAt, boolean carriedOver) {}

  /**
   * The month's cases: received in it, or received before and still under way in it (open, or resolved or
   * closed in or after it). Cases awaiting review are not public and not listed. Oldest first.
   */
  List<PublicationCase> casesOf(OffsetDateTime from, OffsetDateTime to);

  /** An item under listed supervision (挂牌督办) now: a case or a resolution item (决议事项). */
  record ListedItem(String caseNo, String title, String community, String unit, OffsetDateTime listedAt) {}

  /** Cases listed and not resolved, closed or declined; resolution items listed and not completed. Oldest first. */
  List<ListedItem> listedNow();

  /** Cases received and resolved in one month of a trend. */
  record MonthCount(int received, int resolved) {}

  /**
   * Cases received (created_at) and resolved (resolved_at) in each month between consecutive {@code bounds}
   * (month starts, oldest first; n + 1 bounds give n months), in one aggregate query on the indexed time columns.
   */
  List<MonthCount> receivedAndResolved(List<OffsetDateTime> bounds);

  /** Changes whenever an item is listed or a listed item is finished (part of the public board's version). */
  String listedVersion();
}
