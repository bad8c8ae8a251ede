package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.Timeline;
import cn.yishi.domain.casefile.TimelineAction;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Append-only: this class has no update or delete. */
@Repository
class JdbcTimeline implements Timeline {
  private final JdbcClient jdbc;

  JdbcTimeline(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void append(long caseId, OffsetDateTime at, String actor, TimelineAction action, String note, boolean publicNote) {
    jdbc.sql("""
            insert into yishi_case_event (case_id, occurred_at, actor, action, note, public_note)
            values (:caseId, :at, :actor, :action, :note, :publicNote)""")
        .param("caseId", caseId)
        .param("at", at)
        .param("actor", actor == null ? "system" : actor)
        .param("action", action.name())
        .param("note", note)
        .param("publicNote", publicNote)
        .update();
  }

  @Override
  public List<Entry> entries(long caseId) {
    return jdbc.sql("select occurred_at, actor, action, note, public_note from yishi_case_event where case_id = :id order by id")
        .param("id", caseId)
        .query((rs, n) -> new Entry(rs.getObject(1, OffsetDateTime.class), rs.getString(2),
            TimelineAction.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5)))
        .list();
  }
}
