package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.MonthlyStatistics;
import cn.yishi.application.supervision.SupervisionOrders;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.supervision.MonthlyFigures;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The monthly report's aggregates, one grouped query per figure, each on an indexed time column (V5): cases by
 * created_at and resolved_at, timeline entries by (action, occurred_at), evaluations and supervision orders by
 * created_at. Grouped by (responsible unit, community); the service sums the pairs. The definitions are on
 * {@link MonthlyFigures}.
 */
@Repository
class JdbcMonthlyStatistics implements MonthlyStatistics {
  private static final List<String> OPEN = List.of(CaseStatus.ACCEPTED.name(), CaseStatus.IN_PROGRESS.name(),
      CaseStatus.DELIBERATING.name(), CaseStatus.REWORK.name());
  private static final List<String> FINISHED = List.of(CaseStatus.RESOLVED.name(), CaseStatus.CLOSED.name());
  private static final List<String> NOT_LISTED_ANY_MORE = List.of(CaseStatus.RESOLVED.name(), CaseStatus.CLOSED.name(),
      CaseStatus.DECLINED.name());

  /** Supervision orders for a missed deadline (the timer's and the sweep's); a rejected result or a slow item is not late. */
  private static final List<String> LATE = List.of(SupervisionOrders.SOURCE_DEADLINE, SupervisionOrders.SOURCE_SWEEP);

  /** Accepted cases received before the end of the month and not resolved by then. */
  private static final String PENDING = """
      c.created_at < :to and (c.status in (:open) or (c.status in (:finished) and c.resolved_at >= :to))""";

  private final JdbcClient jdbc;

  JdbcMonthlyStatistics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The counts of one pair while they are being collected. */
  private static final class Counts {
    int received, respondedOnTime, accepted, resolved, resolvedOnTime, pending, overdue, reworks, evaluations,
        satisfied, satisfactionSum, listed, overdueItems, rejectedResults, itemsEvaluated, itemRatings, itemRatingSum,
        itemsSentBack;

    MonthlyFigures figures() {
      return new MonthlyFigures(received, respondedOnTime, accepted, resolved, resolvedOnTime, pending, overdue,
          reworks, evaluations, satisfied, satisfactionSum, listed, overdue + overdueItems, rejectedResults, itemsEvaluated,
          itemRatings, itemRatingSum, itemsSentBack);
    }
  }

  @FunctionalInterface
  private interface Collect {
    void into(Counts counts, ResultSet rs) throws SQLException;
  }

  @Override
  public Map<Pair, MonthlyFigures> figures(OffsetDateTime from, OffsetDateTime to, OffsetDateTime cutoff) {
    Map<Pair, Counts> pairs = new LinkedHashMap<>();
    // received, and of those answered (受理 or 不予受理) by their response deadline
    grouped(pairs, """
            select c.responsible_unit, c.community, count(*),
              sum(case when c.response_deadline is not null and exists (
                    select 1 from yishi_case_event e where e.case_id = c.id and e.action in ('ACCEPTED', 'DECLINED')
                    and e.occurred_at <= c.response_deadline) then 1 else 0 end)
            from yishi_case c where c.created_at >= :from and c.created_at < :to
            group by c.responsible_unit, c.community""", from, to, cutoff,
        (k, rs) -> {
          k.received = rs.getInt(3);
          k.respondedOnTime = rs.getInt(4);
        });
    grouped(pairs, """
            select c.responsible_unit, c.community, count(distinct c.id)
            from yishi_case_event e join yishi_case c on c.id = e.case_id
            where e.action = 'ACCEPTED' and e.occurred_at >= :from and e.occurred_at < :to
            group by c.responsible_unit, c.community""", from, to, cutoff,
        (k, rs) -> k.accepted = rs.getInt(3));
    // resolved, and on time: by the deadline, never supervised, never overdue
    grouped(pairs, """
            select c.responsible_unit, c.community, count(*),
              sum(case when (c.deadline is null or c.resolved_at <= c.deadline)
                    and not exists (select 1 from yishi_supervision_order o where o.case_id = c.id)
                    and not exists (select 1 from yishi_case_event e where e.case_id = c.id and e.action = 'OVERDUE')
                  then 1 else 0 end)
            from yishi_case c where c.resolved_at >= :from and c.resolved_at < :to
            group by c.responsible_unit, c.community""", from, to, cutoff,
        (k, rs) -> {
          k.resolved = rs.getInt(3);
          k.resolvedOnTime = rs.getInt(4);
        });
    grouped(pairs, "select c.responsible_unit, c.community, count(*) from yishi_case c where " + PENDING
            + " group by c.responsible_unit, c.community", from, to, cutoff,
        (k, rs) -> k.pending = rs.getInt(3));
    grouped(pairs, """
            select c.responsible_unit, c.community, count(*) from yishi_case c where c.id in (
              select e.case_id from yishi_case_event e
                where e.action = 'OVERDUE' and e.occurred_at >= :from and e.occurred_at < :to
              union select o.case_id from yishi_supervision_order o
                where o.case_id is not null and o.source in (:lateSources) and o.created_at >= :from and o.created_at < :to
              union select r.id from yishi_case r
                where r.resolved_at >= :from and r.resolved_at < :to and r.resolved_at > r.deadline
              union select c2.id from yishi_case c2
                where c2.deadline < :cutoff and c2.created_at < :to
                and (c2.status in (:open) or (c2.status in (:finished) and c2.resolved_at >= :to)))
            group by c.responsible_unit, c.community""", from, to, cutoff,
        (k, rs) -> k.overdue = rs.getInt(3));
    grouped(pairs, """
            select c.responsible_unit, c.community, count(*)
            from yishi_case_event e join yishi_case c on c.id = e.case_id
            where e.action = 'REWORK' and e.occurred_at >= :from and e.occurred_at < :to
            group by c.responsible_unit, c.community""", from, to, cutoff,
        (k, rs) -> k.reworks = rs.getInt(3));
    grouped(pairs, """
            select c.responsible_unit, c.community, count(*), sum(case when v.satisfaction >= :satisfied then 1 else 0 end),
              sum(v.satisfaction)
            from yishi_evaluation v join yishi_case c on c.id = v.case_id
            where v.created_at >= :from and v.created_at < :to
            group by c.responsible_unit, c.community""", from, to, cutoff,
        (k, rs) -> {
          k.evaluations = rs.getInt(3);
          k.satisfied = rs.getInt(4);
          k.satisfactionSum = rs.getInt(5);
        });
    // listed supervision at some time in the month: cases, then resolution items (for their own unit)
    grouped(pairs, """
            select c.responsible_unit, c.community, count(*) from yishi_case c
            where c.listed_at < :to and (c.status not in (:notListed) or c.resolved_at >= :from or c.closed_at >= :from)
            group by c.responsible_unit, c.community""", from, to, cutoff,
        (k, rs) -> k.listed += rs.getInt(3));
    grouped(pairs, """
            select i.unit, m.community, count(*) from yishi_resolution_item i join yishi_meeting m on m.id = i.meeting_id
            where i.listed_at < :to and (i.completed_at is null or i.completed_at >= :from)
            group by i.unit, m.community""", from, to, cutoff,
        (k, rs) -> k.listed += rs.getInt(3));
    // resolution items open past their deadline in the month, or completed in it after their deadline
    grouped(pairs, """
            select i.unit, m.community, count(*) from yishi_resolution_item i join yishi_meeting m on m.id = i.meeting_id
            where i.deadline < :cutoff and ((i.completed_at is null) or (i.completed_at >= :from and i.completed_at > i.deadline))
            group by i.unit, m.community""", from, to, cutoff,
        (k, rs) -> k.overdueItems = rs.getInt(3));
    // 督办纠偏: results rejected as false (结果不实) in the month
    grouped(pairs, """
            select c.responsible_unit, c.community, count(*)
            from yishi_supervision_order o join yishi_case c on c.id = o.case_id
            where o.source = :rejected and o.created_at >= :from and o.created_at < :to
            group by c.responsible_unit, c.community""", from, to, cutoff,
        (k, rs) -> k.rejectedResults = rs.getInt(3));
    // 民事民评: rounds closed in the month, their ratings, and those that sent the item back (V24)
    grouped(pairs, """
            select i.unit, m.community, count(*), coalesce(sum(e.ratings), 0), coalesce(sum(s.points), 0),
                   sum(case when e.status = 'REWORK' then 1 else 0 end)
            from yishi_item_evaluation e join yishi_resolution_item i on i.id = e.item_id
            join yishi_meeting m on m.id = i.meeting_id
            left join (select evaluation_id, sum(rating) as points from yishi_item_rating where rating is not null
                       group by evaluation_id) s on s.evaluation_id = e.id
            where e.closed_at >= :from and e.closed_at < :to
            group by i.unit, m.community""", from, to, cutoff,
        (k, rs) -> {
          k.itemsEvaluated = rs.getInt(3);
          k.itemRatings = rs.getInt(4);
          k.itemRatingSum = rs.getInt(5);
          k.itemsSentBack = rs.getInt(6);
        });
    Map<Pair, MonthlyFigures> figures = new LinkedHashMap<>();
    pairs.forEach((p, k) -> figures.put(p, k.figures()));
    return figures;
  }

  /**
   * Runs one grouped query and adds its counts to the pairs. Every query may use :from, :to, :cutoff, :open,
   * :finished, :notListed, :satisfied, :lateSources and :rejected; a named parameter a query does not use is ignored.
   */
  private void grouped(Map<Pair, Counts> pairs, String sql, OffsetDateTime from, OffsetDateTime to,
      OffsetDateTime cutoff, Collect collect) {
    jdbc.sql(sql)
        .params(Map.of("from", from, "to", to, "cutoff", cutoff, "open", OPEN, "finished", FINISHED,
            "notListed", NOT_LISTED_ANY_MORE, "satisfied", MonthlyFigures.SATISFIED_FROM, "lateSources", LATE,
            "rejected", SupervisionOrders.SOURCE_REJECTED))
        .query(rs -> {
          Pair pair = new Pair(rs.getString(1), rs.getString(2));
          collect.into(pairs.computeIfAbsent(pair, p -> new Counts()), rs);
        });
  }

  @Override
  public List<PublicationCase> casesOf(OffsetDateTime from, OffsetDateTime to) {
    return jdbc.sql("""
            select case_no, category, title, community, compound, status, responsible_unit, created_at
            from yishi_case c
            where c.status <> 'REGISTERED' and c.created_at < :to
              and (c.created_at >= :from or c.status in (:open) or c.resolved_at >= :from or c.closed_at >= :from)
            order by c.created_at, c.id""")
        .param("from", from).param("to", to).param("open", OPEN)
        .query((rs, n) -> {
          OffsetDateTime received = rs.getObject(8, OffsetDateTime.class);
          return new PublicationCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getString(7), received, received.isBefore(from));
        })
        .list();
  }

  @Override
  public List<ListedItem> listedNow() {
    List<ListedItem> items = new java.util.ArrayList<>(jdbc.sql("""
            select case_no, title, community, responsible_unit, listed_at from yishi_case
            where listed_at is not null and status not in (:notListed) order by listed_at, id""")
        .param("notListed", NOT_LISTED_ANY_MORE)
        .query((rs, n) -> new ListedItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, OffsetDateTime.class)))
        .list());
    items.addAll(jdbc.sql("""
            select c.case_no, coalesce(c.title, i.measure), m.community, i.unit, i.listed_at
            from yishi_resolution_item i join yishi_meeting m on m.id = i.meeting_id
            left join yishi_case c on c.id = i.case_id
            where i.listed_at is not null and i.completed_at is null order by i.listed_at, i.id""")
        .query((rs, n) -> new ListedItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, OffsetDateTime.class)))
        .list());
    items.sort(java.util.Comparator.comparing(ListedItem::listedAt));
    return items;
  }

  @Override
  public List<MonthCount> receivedAndResolved(List<OffsetDateTime> bounds) {
    if (bounds.size() < 2) {
      throw new IllegalArgumentException("a trend needs at least two month bounds");
    }
    int months = bounds.size() - 1;
    String sql = "select bucket, sum(received), sum(resolved) from ("
        + " select " + bucket("c.created_at", months) + " as bucket, 1 as received, 0 as resolved from yishi_case c"
        + " where c.created_at >= :b0 and c.created_at < :b" + months
        + " union all"
        + " select " + bucket("c.resolved_at", months) + ", 0, 1 from yishi_case c"
        + " where c.resolved_at >= :b0 and c.resolved_at < :b" + months
        + ") t group by bucket";
    JdbcClient.StatementSpec spec = jdbc.sql(sql);
    for (int i = 0; i < bounds.size(); i++) {
      spec = spec.param("b" + i, bounds.get(i));
    }
    int[][] counts = new int[months][2];
    spec.query(rs -> {
      int bucket = rs.getInt(1);
      counts[bucket][0] = rs.getInt(2);
      counts[bucket][1] = rs.getInt(3);
    });
    List<MonthCount> trend = new java.util.ArrayList<>(months);
    for (int[] c : counts) {
      trend.add(new MonthCount(c[0], c[1]));
    }
    return trend;
  }

  /** The month (0 = oldest) a time falls in, from the bounds :b1 … :b(months-1); the range is checked by the where. */
  private static String bucket(String column, int months) {
    if (months == 1) {
      return "0";
    }
    StringBuilder sql = new StringBuilder("case");
    for (int i = 1; i < months; i++) {
      sql.append(" when ").append(column).append(" < :b").append(i).append(" then ").append(i - 1);
    }
    return sql.append(" else ").append(months - 1).append(" end").toString();
  }

  @Override
  public String listedVersion() {
    String cases = jdbc.sql("""
            select count(*), max(listed_at) from yishi_case where listed_at is not null and status not in (:notListed)""")
        .param("notListed", NOT_LISTED_ANY_MORE)
        .query(JdbcMonthlyStatistics::countAndLatest).single();
    String items = jdbc.sql("""
            select count(*), max(listed_at) from yishi_resolution_item where listed_at is not null and completed_at is null""")
        .query(JdbcMonthlyStatistics::countAndLatest).single();
    return cases + "." + items;
  }

  private static String countAndLatest(ResultSet rs, int row) throws SQLException {
    OffsetDateTime last = rs.getObject(2, OffsetDateTime.class);
    return rs.getLong(1) + ":" + (last == null ? 0 : last.toInstant().toEpochMilli());
  }
}
