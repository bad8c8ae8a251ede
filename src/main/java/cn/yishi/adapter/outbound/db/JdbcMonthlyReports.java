package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.MonthlyReports;
import cn.yishi.application.port.MonthlyStatistics;
import cn.yishi.domain.supervision.BoardRules;
import cn.yishi.domain.supervision.MonthlyFigures;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The monthly reports (V5) and the MONTHLY run records in yishi_supervision_run (V4). */
@Repository
class JdbcMonthlyReports implements MonthlyReports {
  private static final String HEADER = """
      id, period, status, revision, as_of, period_from, period_to, computed_at, computed_by, process_instance_id,
      review_comment, reviewed_by, reviewed_at, approved_by, approved_at""";
  private static final String FIGURES = """
      received, responded_on_time, accepted, resolved, resolved_on_time, pending, overdue, reworks, evaluations,
      satisfied, satisfaction_sum, listed_items, overdue_items, rejected_results, items_evaluated, item_ratings,
      item_rating_sum, items_sent_back""";

  private final JdbcClient jdbc;

  JdbcMonthlyReports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Header> lock(String period) {
    return jdbc.sql("select " + HEADER + " from yishi_monthly_report where period = :period for update")
        .param("period", period).query(JdbcMonthlyReports::header).optional();
  }

  @Override
  public Optional<Header> header(String period) {
    return jdbc.sql("select " + HEADER + " from yishi_monthly_report where period = :period")
        .param("period", period).query(JdbcMonthlyReports::header).optional();
  }

  @Override
  public List<Row> rows(long reportId) {
    return jdbc.sql("select scope, code, " + FIGURES + " from yishi_monthly_row where report_id = :id order by scope, code")
        .param("id", reportId)
        .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), new MonthlyFigures(rs.getInt(3), rs.getInt(4),
            rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11),
            rs.getInt(12), rs.getInt(13), rs.getInt(14), rs.getInt(15), rs.getInt(16), rs.getInt(17), rs.getInt(18),
            rs.getInt(19), rs.getInt(20))))
        .list();
  }

  @Override
  public List<BoardRules.Entry> boards(long reportId) {
    return jdbc.sql("select board, rank, unit, reason from yishi_monthly_board where report_id = :id order by board, rank")
        .param("id", reportId)
        .query((rs, n) -> new BoardRules.Entry(BoardRules.Board.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3),
            null, rs.getString(4)))
        .list();
  }

  @Override
  public List<Review> reviews(long reportId) {
    return jdbc.sql("""
            select revision, approved, comment, reviewed_by, reviewed_at from yishi_monthly_review
            where report_id = :id order by id""")
        .param("id", reportId)
        .query((rs, n) -> new Review(rs.getInt(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, OffsetDateTime.class)))
        .list();
  }

  @Override
  public Header saveDraft(Draft d) {
    Optional<Header> existing = lock(d.period());
    long id;
    if (existing.isPresent()) {
      Header h = existing.get();
      if (!DRAFT.equals(h.status())) {
        throw new IllegalStateException("the report of " + d.period() + " is " + h.status() + " and is not recomputed");
      }
      id = h.id();
      jdbc.sql("""
              update yishi_monthly_report set revision = revision + 1, as_of = :asOf, period_from = :from,
                period_to = :to, computed_at = :at, computed_by = :by, process_instance_id = :pid
              where id = :id""")
          .param("asOf", Date.valueOf(d.asOf())).param("from", d.from()).param("to", d.to()).param("at", d.computedAt())
          .param("by", d.computedBy()).param("pid", d.processInstanceId()).param("id", id)
          .update();
      jdbc.sql("delete from yishi_monthly_row where report_id = :id").param("id", id).update();
      jdbc.sql("delete from yishi_monthly_board where report_id = :id").param("id", id).update();
    } else {
      KeyHolder keys = new GeneratedKeyHolder();
      jdbc.sql("""
              insert into yishi_monthly_report (period, status, revision, as_of, period_from, period_to, computed_at,
                computed_by, process_instance_id)
              values (:period, :status, 1, :asOf, :from, :to, :at, :by, :pid)""")
          .param("period", d.period()).param("status", DRAFT).param("asOf", Date.valueOf(d.asOf()))
          .param("from", d.from()).param("to", d.to()).param("at", d.computedAt()).param("by", d.computedBy())
          .param("pid", d.processInstanceId())
          .update(keys, "id");
      id = Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
    }
    for (Row r : d.rows()) {
      MonthlyFigures f = r.figures();
      jdbc.sql("insert into yishi_monthly_row (report_id, scope, code, " + FIGURES + """
              ) values (:id, :scope, :code, :received, :responded, :accepted, :resolved, :onTime, :pending, :overdue,
                :reworks, :evaluations, :satisfied, :sum, :listed, :overdueItems, :rejected, :itemsEvaluated, :itemRatings,
                :itemRatingSum, :itemsSentBack)""")
          .param("id", id).param("scope", r.scope()).param("code", r.code())
          .param("received", f.received()).param("responded", f.respondedOnTime()).param("accepted", f.accepted())
          .param("resolved", f.resolved()).param("onTime", f.resolvedOnTime()).param("pending", f.pending())
          .param("overdue", f.overdue()).param("reworks", f.reworks()).param("evaluations", f.evaluations())
          .param("satisfied", f.satisfied()).param("sum", f.satisfactionSum()).param("listed", f.listedItems())
          .param("overdueItems", f.overdueItems()).param("rejected", f.rejectedResults())
          .param("itemsEvaluated", f.itemsEvaluated()).param("itemRatings", f.itemRatings())
          .param("itemRatingSum", f.itemRatingSum()).param("itemsSentBack", f.itemsSentBack())
          .update();
    }
    for (BoardRules.Entry e : d.boards()) {
      jdbc.sql("insert into yishi_monthly_board (report_id, board, rank, unit, reason) values (:id, :board, :rank, :unit, :reason)")
          .param("id", id).param("board", e.board().name()).param("rank", e.rank()).param("unit", e.unit())
          .param("reason", e.reason())
          .update();
    }
    return header(d.period()).orElseThrow();
  }

  @Override
  public void recordReview(long reportId, int revision, boolean approved, String comment, String actor, OffsetDateTime now) {
    jdbc.sql("""
            insert into yishi_monthly_review (report_id, revision, approved, comment, reviewed_by, reviewed_at)
            values (:id, :revision, :approved, :comment, :actor, :now)""")
        .param("id", reportId).param("revision", revision).param("approved", approved).param("comment", comment)
        .param("actor", actor).param("now", now)
        .update();
    jdbc.sql("update yishi_monthly_report set review_comment = :comment, reviewed_by = :actor, reviewed_at = :now where id = :id")
        .param("comment", comment).param("actor", actor).param("now", now).param("id", reportId)
        .update();
  }

  @Override
  public boolean approve(long reportId, String approvedBy, OffsetDateTime now) {
    return jdbc.sql("""
            update yishi_monthly_report set status = :approved, approved_by = :by, approved_at = :now
            where id = :id and status = :draft""")
        .param("approved", APPROVED).param("by", approvedBy).param("now", now).param("id", reportId).param("draft", DRAFT)
        .update() == 1;
  }

  @Override
  public void insertPublication(long reportId, List<MonthlyStatistics.PublicationCase> cases) {
    for (MonthlyStatistics.PublicationCase c : cases) {
      jdbc.sql("""
              insert into yishi_monthly_publication (report_id, case_no, category, title, community, compound, status,
                unit, received_at, carried_over)
              values (:id, :caseNo, :category, :title, :community, :compound, :status, :unit, :receivedAt, :carriedOver)""")
          .param("id", reportId).param("caseNo", c.caseNo()).param("category", c.category()).param("title", c.title())
          .param("community", c.community()).param("compound", c.compound()).param("status", c.status())
          .param("unit", c.unit()).param("receivedAt", c.receivedAt()).param("carriedOver", c.carriedOver())
          .update();
    }
  }

  @Override
  public List<MonthlyStatistics.PublicationCase> publication(long reportId, String community) {
    String sql = """
        select case_no, category, title, community, compound, status, unit, received_at, carried_over
        from yishi_monthly_publication where report_id = :id""" + (community == null ? "" : " and community = :community")
        + " order by received_at, case_no";
    JdbcClient.StatementSpec spec = jdbc.sql(sql).param("id", reportId);
    if (community != null) {
      spec = spec.param("community", community);
    }
    return spec.query((rs, n) -> new MonthlyStatistics.PublicationCase(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class),
            rs.getBoolean(9)))
        .list();
  }

  @Override
  public Optional<Header> latestApproved() {
    return jdbc.sql("select " + HEADER + " from yishi_monthly_report where status = :approved order by period desc limit 1")
        .param("approved", APPROVED).query(JdbcMonthlyReports::header).optional();
  }

  @Override
  public void recordRun(Run r) {
    jdbc.sql("""
            insert into yishi_supervision_run (kind, as_of, period, triggered_by, started_at, finished_at, checked,
              overdue, listed, without_contact, process_instance_id)
            values ('MONTHLY', :asOf, :period, :by, :started, :finished, :checked, :overdue, :listed, :withoutContact, :pid)""")
        .param("asOf", Date.valueOf(r.asOf())).param("period", r.period()).param("by", r.triggeredBy())
        .param("started", r.startedAt()).param("finished", r.finishedAt()).param("checked", r.checked())
        .param("overdue", r.overdue()).param("listed", r.listed()).param("withoutContact", r.withoutContact())
        .param("pid", r.processInstanceId())
        .update();
  }

  private static Header header(ResultSet rs, int row) throws SQLException {
    return new Header(rs.getLong("id"), rs.getString("period"), rs.getString("status"), rs.getInt("revision"),
        rs.getObject("as_of", java.time.LocalDate.class), rs.getObject("period_from", OffsetDateTime.class),
        rs.getObject("period_to", OffsetDateTime.class), rs.getObject("computed_at", OffsetDateTime.class),
        rs.getString("computed_by"), rs.getString("process_instance_id"), rs.getString("review_comment"),
        rs.getString("reviewed_by"), rs.getObject("reviewed_at", OffsetDateTime.class), rs.getString("approved_by"),
        rs.getObject("approved_at", OffsetDateTime.class));
  }
}
