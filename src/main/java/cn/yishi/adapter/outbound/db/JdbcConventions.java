package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.ConventionStore;
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
class JdbcConventions implements ConventionStore {
  private static final String VERSION = """
      select v.id, v.convention_id, c.community, c.compound, v.version_no, v.title, v.body, v.status, v.public_token,
             v.comments_close_at, v.meeting_id, v.effective_date, v.superseded_date
        from yishi_convention_version v join yishi_convention c on c.id = v.convention_id""";
  private final JdbcClient jdbc;

  JdbcConventions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long insertConvention(String community, String compound, OffsetDateTime now) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into yishi_convention (community, compound, created_at) values (:community, :compound, :now)")
        .param("community", community).param("compound", compound).param("now", now)
        .update(keys, "id");
    return Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
  }

  @Override
  public long insertVersion(long conventionId, int versionNo, String title, String body, String status, String token,
      OffsetDateTime commentsCloseAt, String actor, OffsetDateTime now) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into yishi_convention_version (convention_id, version_no, title, body, status, public_token,
                comments_close_at, created_by, created_at)
            values (:convention, :no, :title, :body, :status, :token, :closes, :actor, :now)""")
        .param("convention", conventionId).param("no", versionNo).param("title", title).param("body", body)
        .param("status", status).param("token", token).param("closes", commentsCloseAt).param("actor", actor)
        .param("now", now)
        .update(keys, "id");
    return Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
  }

  @Override
  public Optional<Version> findVersion(long versionId) {
    return jdbc.sql(VERSION + " where v.id = :id").param("id", versionId).query(JdbcConventions::version).optional();
  }

  @Override
  public Optional<Version> findByToken(String token) {
    return jdbc.sql(VERSION + " where v.public_token = :token").param("token", token).query(JdbcConventions::version)
        .optional();
  }

  @Override
  public List<Version> versions(long conventionId) {
    return jdbc.sql(VERSION + " where v.convention_id = :id order by v.version_no").param("id", conventionId)
        .query(JdbcConventions::version).list();
  }

  @Override
  public List<Version> versionsOfCommunity(String community) {
    return jdbc.sql(VERSION + " where c.community = :community order by c.id, v.version_no").param("community", community)
        .query(JdbcConventions::version).list();
  }

  @Override
  public boolean moveStatus(long versionId, String from, String to) {
    return jdbc.sql("update yishi_convention_version set status = :to where id = :id and status = :from")
        .param("to", to).param("id", versionId).param("from", from).update() == 1;
  }

  @Override
  public void saveBody(long versionId, String body) {
    jdbc.sql("update yishi_convention_version set body = :body where id = :id").param("body", body).param("id", versionId)
        .update();
  }

  @Override
  public void saveMeeting(long versionId, long meetingId) {
    jdbc.sql("update yishi_convention_version set meeting_id = :meeting where id = :id").param("meeting", meetingId)
        .param("id", versionId).update();
  }

  @Override
  public void publish(long versionId, LocalDate effectiveDate) {
    jdbc.sql("update yishi_convention_version set status = 'IN_FORCE', effective_date = :date where id = :id")
        .param("date", effectiveDate).param("id", versionId).update();
  }

  @Override
  public void supersede(long versionId, LocalDate date) {
    jdbc.sql("update yishi_convention_version set status = 'SUPERSEDED', superseded_date = :date where id = :id")
        .param("date", date).param("id", versionId).update();
  }

  @Override
  public void insertComment(long versionId, String content, String signature, OffsetDateTime now) {
    jdbc.sql("""
            insert into yishi_convention_comment (version_id, content, signature, received_at)
            values (:version, :content, :signature, :now)""")
        .param("version", versionId).param("content", content).param("signature", signature).param("now", now).update();
  }

  @Override
  public List<Comment> comments(long versionId) {
    return jdbc.sql("""
            select id, version_id, content, signature, received_at, handling from yishi_convention_comment
             where version_id = :version order by id""")
        .param("version", versionId)
        .query((rs, row) -> new Comment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, OffsetDateTime.class), rs.getString(6)))
        .list();
  }

  @Override
  public void saveHandling(long commentId, String handling, String actor, OffsetDateTime now) {
    jdbc.sql("update yishi_convention_comment set handling = :handling, handled_by = :actor, handled_at = :now where id = :id")
        .param("handling", handling).param("actor", actor).param("now", now).param("id", commentId).update();
  }

  @Override
  public void insertStep(long versionId, String step, String note, String actor, OffsetDateTime now) {
    jdbc.sql("""
            insert into yishi_convention_step (version_id, step, note, actor, step_at)
            values (:version, :step, :note, :actor, :now)""")
        .param("version", versionId).param("step", step).param("note", note).param("actor", actor).param("now", now)
        .update();
  }

  private static Version version(ResultSet rs, int row) throws SQLException {
    return new Version(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, OffsetDateTime.class),
        rs.getObject(11, Long.class), rs.getObject(12, LocalDate.class), rs.getObject(13, LocalDate.class));
  }
}
