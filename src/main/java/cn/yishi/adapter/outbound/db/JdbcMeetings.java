package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.Meetings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMeetings implements Meetings {
  private static final String ITEM_COLUMNS = "id, meeting_id, case_id, unit, measure, deadline, status";
  private final JdbcClient jdbc;

  JdbcMeetings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long insertMeeting(Long caseId, String community, String urgency, LocalDate dueDate, OffsetDateTime now) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into yishi_meeting (case_id, community, urgency, due_date, created_at)
            values (:caseId, :community, :urgency, :due, :now)""")
        .param("caseId", caseId).param("community", community).param("urgency", urgency)
        .param("due", dueDate).param("now", now)
        .update(keys, "id");
    return Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
  }

  @Override
  public Optional<Meeting> findMeeting(long id) {
    return jdbc.sql("select id, case_id, community, urgency, due_date, held_at from yishi_meeting where id = :id")
        .param("id", id)
        .query((rs, n) -> new Meeting(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getString(4),
            rs.getObject(5, LocalDate.class), rs.getObject(6, OffsetDateTime.class)))
        .optional();
  }

  @Override
  public void recordMeeting(long id, OffsetDateTime heldAt, int participants, String summary, String actor) {
    jdbc.sql("""
            update yishi_meeting set held_at = :heldAt, participants = :participants, summary = :summary,
              recorded_by = :actor where id = :id""")
        .param("heldAt", heldAt).param("participants", participants).param("summary", summary)
        .param("actor", actor).param("id", id).update();
  }

  @Override
  public long insertItem(long meetingId, Long caseId, String unit, String measure, OffsetDateTime deadline) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into yishi_resolution_item (meeting_id, case_id, unit, measure, deadline, status)
            values (:meetingId, :caseId, :unit, :measure, :deadline, 'OPEN')""")
        .param("meetingId", meetingId).param("caseId", caseId).param("unit", unit)
        .param("measure", measure).param("deadline", deadline)
        .update(keys, "id");
    return Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
  }

  @Override
  public List<Item> items(long meetingId) {
    return jdbc.sql("select " + ITEM_COLUMNS + " from yishi_resolution_item where meeting_id = :id order by id")
        .param("id", meetingId).query(JdbcMeetings::item).list();
  }

  @Override
  public Optional<Item> findItem(long id) {
    return jdbc.sql("select " + ITEM_COLUMNS + " from yishi_resolution_item where id = :id")
        .param("id", id).query(JdbcMeetings::item).optional();
  }

  @Override
  public void completeItem(long id, String note, OffsetDateTime now) {
    jdbc.sql("""
            update yishi_resolution_item set status = 'DONE', completed_at = :now, last_progress_at = :now, note = :note
            where id = :id""")
        .param("now", now).param("note", note).param("id", id).update();
  }

  private static Item item(ResultSet rs, int row) throws SQLException {
    return new Item(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4), rs.getString(5),
        rs.getObject(6, OffsetDateTime.class), rs.getString(7));
  }
}
