package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.Meetings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMeetings implements Meetings {
  private static final String ITEM_COLUMNS = "id, meeting_id, case_id, unit, measure, deadline, status";
  private static final String MEETING_COLUMNS = """
      id, case_id, community, urgency, due_date, held_at, title, agenda_follow_up, publicity_token, publicity_ends_at,
      participants, summary, responsibilities""";
  private final JdbcClient jdbc;

  JdbcMeetings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long insertMeeting(Long caseId, String community, String urgency, String title, LocalDate dueDate,
      String agendaFollowUp, OffsetDateTime now) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into yishi_meeting (case_id, community, urgency, title, due_date, agenda_follow_up, created_at)
            values (:caseId, :community, :urgency, :title, :due, :agenda, :now)""")
        .param("caseId", caseId).param("community", community).param("urgency", urgency).param("title", title)
        .param("due", dueDate).param("agenda", agendaFollowUp).param("now", now)
        .update(keys, "id");
    return Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
  }

  @Override
  public Optional<Meeting> findMeeting(long id) {
    return jdbc.sql("select " + MEETING_COLUMNS + " from yishi_meeting where id = :id")
        .param("id", id).query(JdbcMeetings::meeting).optional();
  }

  @Override
  public Optional<Meeting> previousHeldMeeting(String community, long beforeId) {
    return jdbc.sql("select " + MEETING_COLUMNS + """
             from yishi_meeting where community = :community and id <> :id and held_at is not null
            order by held_at desc, id desc""")
        .param("community", community).param("id", beforeId).query(JdbcMeetings::meeting).list()
        .stream().findFirst();
  }

  @Override
  public void reschedule(long id, LocalDate dueDate, String reason) {
    jdbc.sql("update yishi_meeting set due_date = :due, pauses = pauses + 1, pause_reason = :reason where id = :id")
        .param("due", dueDate).param("reason", reason).param("id", id).update();
  }

  @Override
  public void saveOpinion(long meetingId, String party, String position, String actor, OffsetDateTime now) {
    int updated = jdbc.sql("""
            update yishi_meeting_opinion set position = :position, recorded_by = :actor, recorded_at = :now
            where meeting_id = :meetingId and party = :party""")
        .param("position", position).param("actor", actor).param("now", now).param("meetingId", meetingId)
        .param("party", party).update();
    if (updated == 0) {
      jdbc.sql("""
              insert into yishi_meeting_opinion (meeting_id, party, position, recorded_by, recorded_at)
              values (:meetingId, :party, :position, :actor, :now)""")
          .param("position", position).param("actor", actor).param("now", now).param("meetingId", meetingId)
          .param("party", party).update();
    }
  }

  @Override
  public List<Opinion> opinions(long meetingId) {
    return jdbc.sql("select party, position, recorded_by, recorded_at from yishi_meeting_opinion where meeting_id = :id order by id")
        .param("id", meetingId)
        .query((rs, n) -> new Opinion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)))
        .list();
  }

  @Override
  public void saveProblemList(long id, String problems, String resourceMatches) {
    jdbc.sql("update yishi_meeting set problem_list = :problems, resource_matches = :matches where id = :id")
        .param("problems", problems).param("matches", resourceMatches).param("id", id).update();
  }

  @Override
  public void recordMeeting(long id, Record r) {
    jdbc.sql("""
            update yishi_meeting set held_at = :heldAt, on_site = :onSite, attendees = :attendees,
              participants = :participants, ground_rules = :rules, topic = :topic, summary = :summary,
              responsibilities = :responsibilities, recorded_by = :actor where id = :id""")
        .param("heldAt", r.heldAt()).param("onSite", r.onSite()).param("attendees", r.attendees())
        .param("participants", r.participants()).param("rules", r.groundRules()).param("topic", r.topic())
        .param("summary", r.summary()).param("responsibilities", r.responsibilities()).param("actor", r.actor())
        .param("id", id).update();
  }

  @Override
  public long insertItem(long meetingId, Long caseId, String unit, String measure, OffsetDateTime deadline, String status) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into yishi_resolution_item (meeting_id, case_id, unit, measure, deadline, status)
            values (:meetingId, :caseId, :unit, :measure, :deadline, :status)""")
        .param("meetingId", meetingId).param("caseId", caseId).param("unit", unit)
        .param("measure", measure).param("deadline", deadline).param("status", status)
        .update(keys, "id");
    return Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
  }

  @Override
  public int withdrawProposedItems(long meetingId) {
    return jdbc.sql("update yishi_resolution_item set status = 'WITHDRAWN' where meeting_id = :id and status = 'PROPOSED'")
        .param("id", meetingId).update();
  }

  @Override
  public int adoptItems(long meetingId, OffsetDateTime now) {
    jdbc.sql("update yishi_meeting set settled_at = :now where id = :id").param("now", now).param("id", meetingId).update();
    return jdbc.sql("update yishi_resolution_item set status = 'OPEN' where meeting_id = :id and status = 'PROPOSED'")
        .param("id", meetingId).update();
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

  @Override
  public void startPublicity(long id, String token, OffsetDateTime startedAt, OffsetDateTime endsAt) {
    jdbc.sql("""
            update yishi_meeting set publicity_token = :token, publicity_started_at = :startedAt, publicity_ends_at = :endsAt
            where id = :id""")
        .param("token", token).param("startedAt", startedAt).param("endsAt", endsAt).param("id", id).update();
  }

  @Override
  public Optional<Meeting> findByPublicityToken(String token) {
    return jdbc.sql("select " + MEETING_COLUMNS + " from yishi_meeting where publicity_token = :token")
        .param("token", token).query(JdbcMeetings::meeting).optional();
  }

  @Override
  public List<Meeting> inPublicity(String community, OffsetDateTime now) {
    var query = jdbc.sql("select " + MEETING_COLUMNS + " from yishi_meeting where publicity_ends_at > :now"
            + (community == null ? "" : " and community = :community") + " order by publicity_ends_at desc, id desc")
        .param("now", now);
    if (community != null) {
      query = query.param("community", community);
    }
    return query.query(JdbcMeetings::meeting).list();
  }

  @Override
  public void insertObjection(long meetingId, String content, OffsetDateTime now) {
    jdbc.sql("insert into yishi_meeting_objection (meeting_id, content, received_at) values (:id, :content, :now)")
        .param("id", meetingId).param("content", content).param("now", now).update();
  }

  @Override
  public List<Objection> objections(long meetingId) {
    return jdbc.sql("select content, received_at from yishi_meeting_objection where meeting_id = :id order by id")
        .param("id", meetingId).query((rs, n) -> new Objection(rs.getString(1), rs.getObject(2, OffsetDateTime.class))).list();
  }

  @Override
  public int countObjections(long meetingId) {
    return jdbc.sql("""
            select count(*) from yishi_meeting_objection o join yishi_meeting m on m.id = o.meeting_id
            where o.meeting_id = :id and o.received_at >= m.publicity_started_at""")
        .param("id", meetingId).query(Integer.class).single();
  }

  @Override
  public List<MonthFigures> statistics(String community, OffsetDateTime from, OffsetDateTime to, ZoneId zone) {
    record Row(String community, OffsetDateTime heldAt, boolean onSite, int participants, boolean settled, Long session) {}
    var query = jdbc.sql("""
            select community, held_at, on_site, participants, settled_at, session_id from yishi_meeting
            where held_at >= :from and held_at < :to""" + (community == null ? "" : " and community = :community"))
        .param("from", from).param("to", to);
    if (community != null) {
      query = query.param("community", community);
    }
    List<Row> rows = query
        .query((rs, n) -> new Row(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getBoolean(3),
            rs.getInt(4), rs.getObject(5, OffsetDateTime.class) != null, rs.getObject(6, Long.class)))
        .list();
    // a session of several topics is one meeting (its attendance once); each topic settled counts
    java.util.Set<String> sessionsCounted = new java.util.HashSet<>();
    DateTimeFormatter month = DateTimeFormatter.ofPattern("yyyy-MM");
    Map<String, int[]> figures = new TreeMap<>();
    for (Row r : rows) {
      String key = r.community() + "|" + r.heldAt().atZoneSameInstant(zone).format(month);
      int[] f = figures.computeIfAbsent(key, k -> new int[4]);
      if (r.session() == null || sessionsCounted.add(key + "|" + r.session())) {
        f[0]++;
        f[1] += r.onSite() ? 1 : 0;
        f[2] += r.participants();
      }
      f[3] += r.settled() ? 1 : 0;
    }
    List<MonthFigures> out = new ArrayList<>();
    figures.forEach((k, f) -> {
      String[] parts = k.split("\\|");
      out.add(new MonthFigures(parts[0], parts[1], f[0], f[1], f[2], f[3]));
    });
    return out;
  }

  private static Meeting meeting(ResultSet rs, int row) throws SQLException {
    return new Meeting(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getString(4),
        rs.getObject(5, LocalDate.class), rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getString(8),
        rs.getString(9), rs.getObject(10, OffsetDateTime.class), rs.getObject(11, Integer.class), rs.getString(12),
        rs.getString(13));
  }

  private static Item item(ResultSet rs, int row) throws SQLException {
    return new Item(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4), rs.getString(5),
        rs.getObject(6, OffsetDateTime.class), rs.getString(7));
  }
}
