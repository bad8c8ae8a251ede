package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.Deadlines;
import cn.yishi.domain.casefile.CaseStatus;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDeadlines implements Deadlines {
  /** The statuses in which a case's handling deadline runs. */
  private static final List<String> RUNNING = List.of(CaseStatus.ACCEPTED.name(), CaseStatus.IN_PROGRESS.name(),
      CaseStatus.DELIBERATING.name(), CaseStatus.REWORK.name());

  private final JdbcClient jdbc;

  JdbcDeadlines(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void counted(long caseId, OffsetDateTime from) {
    jdbc.sql("update yishi_case set deadline_from = ? where id = ?").params(from, caseId).update();
  }

  @Override
  public List<Open> openFrom(OffsetDateTime from) {
    return jdbc.sql("""
            select id, case_no, deadline, deadline_from from yishi_case
            where status in (:running) and deadline >= :from order by deadline, id""")
        .param("running", RUNNING).param("from", from)
        .query((rs, i) -> new Open(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
            rs.getObject(4, OffsetDateTime.class)))
        .list();
  }

  @Override
  public long countOpen(OffsetDateTime from, OffsetDateTime until) {
    return jdbc.sql("select count(*) from yishi_case where status in (:running) and deadline >= :from and deadline < :until")
        .param("running", RUNNING).param("from", from).param("until", until).query(Long.class).single();
  }
}
