package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.ProxyMonthlyFigures;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 月调度's 代办 figures from yishi_proxy_request and yishi_proxy_rating; stored in yishi_monthly_proxy_row (V26). */
@Repository
class JdbcProxyMonthlyFigures implements ProxyMonthlyFigures {
  private final JdbcClient jdbc;

  JdbcProxyMonthlyFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Mutable counts of one service and street while the queries run. */
  private static final class Counts {
    String name;
    int received;
    int doneInTime;
    int overdue;
    int rated;
    int ratingSum;
  }

  @Override
  public List<Row> compute(OffsetDateTime from, OffsetDateTime to, OffsetDateTime cutoff) {
    Map<String, Counts> rows = new LinkedHashMap<>();
    add(rows, """
        select service_code, street, max(coalesce(service_name, service_code)), count(*) from yishi_proxy_request
        where requested_at >= :from and requested_at < :to group by service_code, street""", from, to, cutoff,
        (c, n) -> c.received = n);
    add(rows, """
        select service_code, street, max(coalesce(service_name, service_code)), count(*) from yishi_proxy_request
        where closed_at >= :from and closed_at < :to and closed_at <= due_at group by service_code, street""",
        from, to, cutoff, (c, n) -> c.doneInTime = n);
    add(rows, """
        select service_code, street, max(coalesce(service_name, service_code)), count(*) from yishi_proxy_request
        where due_at >= :from and due_at < :to and due_at < :cutoff and (closed_at is null or closed_at > due_at)
        group by service_code, street""", from, to, cutoff, (c, n) -> c.overdue = n);
    jdbc.sql("""
            select r.service_code, r.street, max(coalesce(r.service_name, r.service_code)), count(*), sum(g.rating)
            from yishi_proxy_rating g join yishi_proxy_request r on r.id = g.request_id
            where g.rated_at >= :from and g.rated_at < :to group by r.service_code, r.street""")
        .param("from", from).param("to", to)
        .query((rs, n) -> {
          Counts c = counts(rows, rs.getString(1), rs.getString(2), rs.getString(3));
          c.rated = rs.getInt(4);
          c.ratingSum = rs.getInt(5);
          return null;
        }).list();
    List<Row> out = new ArrayList<>();
    rows.forEach((key, c) -> {
      String[] k = key.split("\u0000");
      out.add(new Row(k[0], c.name, k[1], c.received, c.doneInTime, c.overdue, c.rated, c.ratingSum));
    });
    out.sort(Comparator.comparing(Row::street).thenComparing(Row::serviceCode));
    return out;
  }

  private void add(Map<String, Counts> rows, String sql, OffsetDateTime from, OffsetDateTime to, OffsetDateTime cutoff,
      java.util.function.ObjIntConsumer<Counts> set) {
    var spec = jdbc.sql(sql).param("from", from).param("to", to);
    if (sql.contains(":cutoff")) {
      spec = spec.param("cutoff", cutoff);
    }
    spec.query((rs, n) -> {
      set.accept(counts(rows, rs.getString(1), rs.getString(2), rs.getString(3)), rs.getInt(4));
      return null;
    }).list();
  }

  private static Counts counts(Map<String, Counts> rows, String service, String street, String name) {
    Counts c = rows.computeIfAbsent(service + "\u0000" + street, k -> new Counts());
    if (c.name == null) {
      c.name = name;
    }
    return c;
  }

  @Override
  public void save(long reportId, List<Row> rows) {
    jdbc.sql("delete from yishi_monthly_proxy_row where report_id = ?").param(reportId).update();
    for (Row r : rows) {
      jdbc.sql("""
              insert into yishi_monthly_proxy_row (report_id, service_code, service_name, street, received, done_in_time,
                overdue, rated, rating_sum) values (:id, :code, :name, :street, :received, :inTime, :overdue, :rated, :sum)""")
          .param("id", reportId).param("code", r.serviceCode()).param("name", r.serviceName()).param("street", r.street())
          .param("received", r.received()).param("inTime", r.doneInTime()).param("overdue", r.overdue())
          .param("rated", r.rated()).param("sum", r.ratingSum()).update();
    }
  }

  @Override
  public List<Row> stored(long reportId) {
    return jdbc.sql("""
            select service_code, service_name, street, received, done_in_time, overdue, rated, rating_sum
            from yishi_monthly_proxy_row where report_id = ? order by street, service_code""")
        .param(reportId)
        .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
            rs.getInt(6), rs.getInt(7), rs.getInt(8)))
        .list();
  }
}
