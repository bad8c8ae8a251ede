package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.Timeline;
import cn.yishi.domain.casefile.TimelineAction;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

  /** One row of {@link #recent}: the case's deadline and one entry (null for a case without entries). */
  private record Row(OffsetDateTime deadline, Entry entry) {}

  @Override
  public Optional<Recent> recent(String caseNo, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    List<Row> rows = jdbc.sql("""
            select c.deadline, e.occurred_at, e.actor, e.action, e.note, e.public_note
            from yishi_case c left join yishi_case_event e on e.case_id = c.id
            where c.case_no = :caseNo
            order by e.id desc
            limit %d""".formatted(limit))
        .param("caseNo", caseNo)
        .query((rs, n) -> new Row(rs.getObject(1, OffsetDateTime.class), rs.getString(4) == null ? null
            : new Entry(rs.getObject(2, OffsetDateTime.class), rs.getString(3), TimelineAction.valueOf(rs.getString(4)),
                rs.getString(5), rs.getBoolean(6))))
        .list();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<Entry> entries = new ArrayList<>(rows.stream().map(Row::entry).filter(Objects::nonNull).toList());
    Collections.reverse(entries);
    return Optional.of(new Recent(rows.get(0).deadline(), List.copyOf(entries)));
  }
}
