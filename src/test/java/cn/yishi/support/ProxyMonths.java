package cn.yishi.support;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Moves 代办 requests made today into the months of a half-year (requested, time limit, closed, rated), for the
 * PostgreSQL ITs of a township's half-year: the requests and their processes are real, only their dates are set.
 */
public final class ProxyMonths {
  private ProxyMonths() {}

  /** Moves a request into its month: requested, its time limit, and optionally closed (办结) with a result. */
  public static void move(JdbcClient jdbc, long id, String requested, String due, String status, String closed) {
    OffsetDateTime at = OffsetDateTime.parse(requested + "T09:00:00+08:00");
    jdbc.sql("""
            update yishi_proxy_request set requested_at = :at, request_month = :month, due_at = :due, status = :status,
              closed_at = :closed, succeeded = :ok, result = :result where id = :id""")
        .param("at", at).param("month", requested.substring(0, 7))
        .param("due", OffsetDateTime.parse(due + "T18:00:00+08:00")).param("status", status)
        .param("closed", closed == null ? null : OffsetDateTime.parse(closed + "T16:00:00+08:00"))
        .param("ok", closed == null ? null : Boolean.TRUE).param("result", closed == null ? null : "已办成")
        .param("id", id).update();
  }

  /** Dates the ratings of a request, oldest first, on the given days. */
  public static void rated(JdbcClient jdbc, long id, String... days) {
    java.util.List<Long> ids = jdbc.sql("select id from yishi_proxy_rating where request_id = ? order by id").param(id)
        .query(Long.class).list();
    for (int i = 0; i < ids.size() && i < days.length; i++) {
      jdbc.sql("update yishi_proxy_rating set rated_at = ? where id = ?")
          .params(OffsetDateTime.parse(days[i] + "T10:00:00+08:00"), ids.get(i)).update();
    }
  }

  /** Counts the 旬跟进/deadline supervision orders of a request by their source. */
  public static int orders(JdbcClient jdbc, long id, String source) {
    return jdbc.sql("select count(*) from yishi_supervision_order where item_type = 'PROXY' and item_id = ? and source = ?")
        .params(id, source).query(Integer.class).single();
  }
}
