package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.Sessions;
import cn.yishi.application.port.SupervisionStore;
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
class JdbcSessions implements Sessions {
  /** Ends with a space: the queries go on with "from". */
  private static final String SESSION_COLUMNS = "id, body_kind, body_code, session_date, extraordinary, status, place, "
      + "extra_parties, attendees, participants, ground_rules, on_site, held_at, pause_reason, reschedules ";
  private static final String TOPIC_SELECT = """
      select m.id, m.case_id, c.case_no, coalesce(m.title, c.title), m.community, m.urgency, st.outcome, st.reason,
             st.statement, st.discussion, st.responsibilities, m.problem_list, m.resource_matches
      from yishi_session_topic st join yishi_meeting m on m.id = st.meeting_id
      left join yishi_case c on c.id = m.case_id
      """;
  private static final String FOLLOW_UP_SELECT = """
      select ri.id, ri.unit, ri.measure, ri.status, ri.deadline, f.questions, f.rating
      from yishi_resolution_item ri
      """;
  private final JdbcClient jdbc;

  JdbcSessions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void placeTopic(long meetingId, String tier, String station) {
    jdbc.sql("update yishi_meeting set tier = :tier, station = :station where id = :id")
        .param("tier", tier).param("station", station).param("id", meetingId).update();
  }

  @Override
  public TopicPlace topicPlace(long meetingId) {
    return jdbc.sql("select tier, station, session_id from yishi_meeting where id = :id").param("id", meetingId)
        .query((rs, n) -> new TopicPlace(rs.getString(1), rs.getString(2), rs.getObject(3, Long.class))).optional()
        .orElse(new TopicPlace(null, null, null));
  }

  @Override
  public void reopenItem(long itemId) {
    jdbc.sql("update yishi_resolution_item set status = 'OPEN', completed_at = null where id = :id and status = 'DONE'")
        .param("id", itemId).update();
  }

  @Override
  public Optional<SupervisionStore.OpenItem> supervisableItem(long itemId) {
    return jdbc.sql("""
            select ri.id, c.id, c.case_no, c.title, c.community, c.tier, ri.unit, ri.measure, ri.deadline,
                   c.process_instance_id, ri.listed_at
            from yishi_resolution_item ri join yishi_case c on c.id = ri.case_id where ri.id = :id""")
        .param("id", itemId)
        .query((rs, n) -> new SupervisionStore.OpenItem(SupervisionStore.ItemType.ITEM, rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getObject(9, OffsetDateTime.class), rs.getString(10), rs.getObject(11, OffsetDateTime.class)))
        .optional();
  }

  @Override
  public long insert(String bodyKind, String bodyCode, LocalDate date, boolean extraordinary, String place,
      OffsetDateTime now) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into yishi_session (body_kind, body_code, session_date, extraordinary, status, place, created_at)
            values (:kind, :code, :date, :extraordinary, 'OPEN', :place, :now)""")
        .param("kind", bodyKind).param("code", bodyCode).param("date", date).param("extraordinary", extraordinary)
        .param("place", place).param("now", now).update(keys, "id");
    return Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
  }

  @Override
  public Optional<Session> find(long id) {
    return jdbc.sql("select " + SESSION_COLUMNS + " from yishi_session where id = :id").param("id", id)
        .query(JdbcSessions::session).optional();
  }

  @Override
  public Optional<Session> openOn(String bodyKind, String bodyCode, LocalDate date, boolean extraordinary) {
    return jdbc.sql("select " + SESSION_COLUMNS + """
             from yishi_session where body_kind = :kind and body_code = :code and session_date = :date
             and extraordinary = :extraordinary and status = 'OPEN' order by id""")
        .param("kind", bodyKind).param("code", bodyCode).param("date", date).param("extraordinary", extraordinary)
        .query(JdbcSessions::session).list().stream().findFirst();
  }

  @Override
  public boolean closedOn(String bodyKind, String bodyCode, LocalDate date) {
    return jdbc.sql("""
            select count(*) from yishi_session where body_kind = :kind and body_code = :code and session_date = :date
            and extraordinary = false and status <> 'OPEN'""")
        .param("kind", bodyKind).param("code", bodyCode).param("date", date).query(Long.class).single() > 0;
  }

  @Override
  public Optional<Session> previousHeld(String bodyKind, String bodyCode, long sessionId) {
    return jdbc.sql("select " + SESSION_COLUMNS + """
             from yishi_session where body_kind = :kind and body_code = :code and status = 'HELD' and id <> :id
             order by held_at desc, id desc""")
        .param("kind", bodyKind).param("code", bodyCode).param("id", sessionId)
        .query(JdbcSessions::session).list().stream().findFirst();
  }

  @Override
  public void addTopic(long sessionId, long meetingId, OffsetDateTime now) {
    int updated = jdbc.sql("""
            update yishi_session_topic set outcome = 'AGENDA', reason = null, joined_at = :now
            where session_id = :session and meeting_id = :meeting""")
        .param("session", sessionId).param("meeting", meetingId).param("now", now).update();
    if (updated == 0) {
      jdbc.sql("""
              insert into yishi_session_topic (session_id, meeting_id, outcome, joined_at)
              values (:session, :meeting, 'AGENDA', :now)""")
          .param("session", sessionId).param("meeting", meetingId).param("now", now).update();
    }
    jdbc.sql("update yishi_meeting set session_id = :session where id = :meeting")
        .param("session", sessionId).param("meeting", meetingId).update();
  }

  @Override
  public void topicOutcome(long sessionId, long meetingId, String outcome, String reason, String statement,
      String discussion, String responsibilities) {
    jdbc.sql("""
            update yishi_session_topic set outcome = :outcome, reason = :reason, statement = :statement,
            discussion = :discussion, responsibilities = :responsibilities
            where session_id = :session and meeting_id = :meeting""")
        .param("outcome", outcome).param("reason", reason).param("statement", statement).param("discussion", discussion)
        .param("responsibilities", responsibilities).param("session", sessionId).param("meeting", meetingId).update();
  }

  @Override
  public List<Topic> topics(long sessionId, boolean all) {
    return jdbc.sql(TOPIC_SELECT + " where st.session_id = :session" + (all ? "" : " and st.outcome = 'AGENDA'")
            + " order by st.joined_at, m.id")
        .param("session", sessionId).query(JdbcSessions::topic).list();
  }

  @Override
  public void setStatus(long sessionId, String status) {
    jdbc.sql("update yishi_session set status = :status where id = :id").param("status", status).param("id", sessionId)
        .update();
  }

  @Override
  public void setExtraParties(long sessionId, String parties) {
    jdbc.sql("update yishi_session set extra_parties = :parties where id = :id").param("parties", parties)
        .param("id", sessionId).update();
  }

  @Override
  public void reschedule(long sessionId, LocalDate date, String reason) {
    jdbc.sql("""
            update yishi_session set session_date = :date, pause_reason = :reason, reschedules = reschedules + 1
            where id = :id""")
        .param("date", date).param("reason", reason).param("id", sessionId).update();
  }

  @Override
  public void record(long sessionId, String attendees, int participants, String groundRules, boolean onSite, String actor,
      OffsetDateTime heldAt) {
    jdbc.sql("""
            update yishi_session set status = 'HELD', attendees = :attendees, participants = :participants,
            ground_rules = :rules, on_site = :onSite, recorded_by = :actor, held_at = :heldAt where id = :id""")
        .param("attendees", attendees).param("participants", participants).param("rules", groundRules)
        .param("onSite", onSite).param("actor", actor).param("heldAt", heldAt).param("id", sessionId).update();
  }

  @Override
  public void savePosition(long sessionId, long meetingId, String party, String position, String actor,
      OffsetDateTime now) {
    int updated = jdbc.sql("""
            update yishi_session_position set position = :position, recorded_by = :actor, recorded_at = :now
            where session_id = :session and meeting_id = :meeting and party = :party""")
        .param("position", position).param("actor", actor).param("now", now).param("session", sessionId)
        .param("meeting", meetingId).param("party", party).update();
    if (updated == 0) {
      jdbc.sql("""
              insert into yishi_session_position (session_id, meeting_id, party, position, recorded_by, recorded_at)
              values (:session, :meeting, :party, :position, :actor, :now)""")
          .param("position", position).param("actor", actor).param("now", now).param("session", sessionId)
          .param("meeting", meetingId).param("party", party).update();
    }
  }

  @Override
  public List<Position> positions(long sessionId) {
    return jdbc.sql("select meeting_id, party, position from yishi_session_position where session_id = :s order by id")
        .param("s", sessionId).query((rs, n) -> new Position(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
  }

  @Override
  public List<FollowUp> itemsResolvedAt(long sessionId) {
    return jdbc.sql(FOLLOW_UP_SELECT + """
             left join yishi_session_follow_up f on f.item_id = ri.id and f.session_id = -1
             where ri.session_id = :s order by ri.id""")
        .param("s", sessionId).query(JdbcSessions::followUp).list();
  }

  @Override
  public java.util.Map<Long, ItemEvaluationResult> itemEvaluations(long sessionId) {
    java.util.Map<Long, ItemEvaluationResult> byItem = new java.util.LinkedHashMap<>();
    jdbc.sql("""
            select e.item_id, e.ratings, e.average, e.distribution, e.status
            from yishi_item_evaluation e join yishi_resolution_item ri on ri.id = e.item_id
            where ri.session_id = :s and e.closed_at is not null order by e.item_id, e.round""")
        .param("s", sessionId)
        .query((rs, n) -> new ItemEvaluationResult(rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3), rs.getString(4),
            rs.getString(5)))
        .list().forEach(r -> byItem.put(r.itemId(), r));
    return byItem;
  }

  @Override
  public void resolvedItemsAt(long sessionId, List<Long> itemIds) {
    for (Long id : itemIds) {
      jdbc.sql("update yishi_resolution_item set session_id = :s where id = :id").param("s", sessionId).param("id", id)
          .update();
    }
  }

  @Override
  public void saveFollowUp(long sessionId, long itemId, String questions, int rating, String actor, OffsetDateTime now) {
    jdbc.sql("""
            insert into yishi_session_follow_up (session_id, item_id, questions, rating, recorded_by, recorded_at)
            values (:s, :item, :questions, :rating, :actor, :now)""")
        .param("s", sessionId).param("item", itemId).param("questions", questions).param("rating", rating)
        .param("actor", actor).param("now", now).update();
  }

  @Override
  public List<FollowUp> followUps(long sessionId) {
    return jdbc.sql(FOLLOW_UP_SELECT + """
             join yishi_session_follow_up f on f.item_id = ri.id where f.session_id = :s order by ri.id""")
        .param("s", sessionId).query(JdbcSessions::followUp).list();
  }

  @Override
  public List<Session> ofBodies(List<String> bodyKeys, LocalDate from, boolean upcoming, int limit) {
    if (bodyKeys.isEmpty()) {
      return List.of();
    }
    String where = upcoming ? "session_date >= :from and status in ('OPEN', 'AGENDA', 'CONVENED')" : "status = 'HELD'";
    return jdbc.sql("select " + SESSION_COLUMNS + " from yishi_session where " + where
            + " and (body_kind || ':' || body_code) in (:keys) order by session_date " + (upcoming ? "asc" : "desc")
            + ", id limit :limit")
        .param("from", from).param("keys", bodyKeys).param("limit", limit).query(JdbcSessions::session).list();
  }

  private static Session session(ResultSet rs, int row) throws SQLException {
    return new Session(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
        rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
        rs.getObject(10, Integer.class), rs.getString(11), rs.getBoolean(12), rs.getObject(13, OffsetDateTime.class),
        rs.getString(14), rs.getInt(15));
  }

  private static Topic topic(ResultSet rs, int row) throws SQLException {
    return new Topic(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
        rs.getString(12), rs.getString(13));
  }

  private static FollowUp followUp(ResultSet rs, int row) throws SQLException {
    return new FollowUp(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getObject(7, Integer.class));
  }

  @Override
  public void addInvitee(long sessionId, Invitee invitee, String actor, OffsetDateTime now) {
    jdbc.sql("""
            insert into yishi_session_invitee (session_id, kind, resource_id, meeting_id, expertise, mailed, invited_by,
              invited_at)
            values (:session, :kind, :resource, :meeting, :expertise, :mailed, :actor, :now)""")
        .param("session", sessionId).param("kind", invitee.kind()).param("resource", invitee.resourceId())
        .param("meeting", invitee.meetingId()).param("expertise", invitee.expertise()).param("mailed", invitee.mailed())
        .param("actor", actor).param("now", now)
        .update();
  }

  @Override
  public List<Invitee> invitees(long sessionId) {
    return jdbc.sql("""
            select kind, resource_id, meeting_id, expertise, mailed from yishi_session_invitee
            where session_id = :session order by id""")
        .param("session", sessionId)
        .query((rs, n) -> new Invitee(rs.getString(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class),
            rs.getString(4), rs.getBoolean(5)))
        .list();
  }
}
