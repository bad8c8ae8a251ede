package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.domain.casefile.CaseRecord;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.Reporter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCaseRepository implements CaseRepository {
  private static final String COLUMNS =
      "id, case_no, channel, external_id, category, title, description, community, compound, "
          + "households_affected, status, decline_reason, process_instance_id, created_at, updated_at";

  private final JdbcClient jdbc;
  private final String nextSequenceSql;

  JdbcCaseRepository(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.nextSequenceSql = isH2(dataSource)
        ? "select next value for yishi_case_no_seq"
        : "select nextval('yishi_case_no_seq')";
  }

  private static boolean isH2(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the database product name", e);
    }
  }

  @Override
  public long nextCaseSequence() {
    return jdbc.sql(nextSequenceSql).query(Long.class).single();
  }

  @Override
  public long insert(String caseNo, NewCase c, CaseStatus status, String createdBy, OffsetDateTime now) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into yishi_case (case_no, channel, external_id, category, title, description, community,
              compound, households_affected, status, created_by, created_at, updated_at)
            values (:caseNo, :channel, :externalId, :category, :title, :description, :community,
              :compound, :households, :status, :createdBy, :now, :now)""")
        .param("caseNo", caseNo)
        .param("channel", c.channel().name())
        .param("externalId", c.externalId())
        .param("category", c.category())
        .param("title", c.title())
        .param("description", c.description())
        .param("community", c.community())
        .param("compound", c.compound())
        .param("households", c.householdsAffected())
        .param("status", status.name())
        .param("createdBy", createdBy)
        .param("now", now)
        .update(keys, "id");
    return Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
  }

  @Override
  public void insertReporter(long caseId, Reporter r, OffsetDateTime now) {
    jdbc.sql("""
            insert into yishi_reporter (case_id, name, phone, email, address, created_at)
            values (:caseId, :name, :phone, :email, :address, :now)""")
        .param("caseId", caseId)
        .param("name", r.name())
        .param("phone", r.phone())
        .param("email", r.email())
        .param("address", r.address())
        .param("now", now)
        .update();
  }

  @Override
  public Optional<Reporter> findReporter(long caseId) {
    return jdbc.sql("select name, phone, email, address from yishi_reporter where case_id = :id")
        .param("id", caseId)
        .query((rs, n) -> new Reporter(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  @Override
  public Optional<CaseRecord> findByCaseNo(String caseNo) {
    return jdbc.sql("select " + COLUMNS + " from yishi_case where case_no = :caseNo")
        .param("caseNo", caseNo)
        .query(JdbcCaseRepository::map)
        .optional();
  }

  @Override
  public void attachProcessInstance(long caseId, String processInstanceId, OffsetDateTime now) {
    jdbc.sql("update yishi_case set process_instance_id = :pid, updated_at = :now where id = :id")
        .param("pid", processInstanceId)
        .param("now", now)
        .param("id", caseId)
        .update();
  }

  @Override
  public void updateStatus(long caseId, CaseStatus status, String declineReason, OffsetDateTime now) {
    jdbc.sql("""
            update yishi_case set status = :status, decline_reason = :reason, updated_at = :now,
              closed_at = case when :closed then :now else closed_at end
            where id = :id""")
        .param("status", status.name())
        .param("reason", declineReason)
        .param("now", now)
        .param("closed", status == CaseStatus.DECLINED)
        .param("id", caseId)
        .update();
  }

  private static CaseRecord map(ResultSet rs, int row) throws SQLException {
    return new CaseRecord(
        rs.getLong("id"),
        rs.getString("case_no"),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("external_id"),
        rs.getString("category"),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("community"),
        rs.getString("compound"),
        (Integer) rs.getObject("households_affected", Integer.class),
        CaseStatus.valueOf(rs.getString("status")),
        rs.getString("decline_reason"),
        rs.getString("process_instance_id"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class));
  }
}
