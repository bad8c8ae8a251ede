package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.Classification;
import cn.yishi.domain.casefile.Disposal;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.casefile.ScreeningGround;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.Urgency;
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

@Repository
class JdbcCaseRepository implements CaseRepository {
  private static final String COLUMNS = """
      id, case_no, channel, external_id, category, title, description, community, compound,
      households_affected, created_at, status, suggested_urgency, suggested_tier, suggested_disposal, referral,
      urgency, tier, disposal, responsible_unit, decline_reason, deadline, response_deadline, process_instance_id,
      result_note, satisfaction, supporting_count, overdue_count, rework_count, unsatisfied_count, resolved_at,
      closed_at, updated_at, suggested_ground, screening_ground, yuanba, review_group""";

  private final JdbcClient jdbc;
  private final String nextSequenceSql;

  JdbcCaseRepository(JdbcClient jdbc, Dialect dialect) {
    this.jdbc = jdbc;
    this.nextSequenceSql = dialect.nextValue("yishi_case_no_seq");
  }

  @Override
  public long nextCaseSequence() {
    return jdbc.sql(nextSequenceSql).query(Long.class).single();
  }

  @Override
  public CaseFile insert(String caseNo, NewCase c, String createdBy, OffsetDateTime now) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into yishi_case (case_no, channel, external_id, category, title, description, community,
              compound, households_affected, status, created_by, created_at, updated_at, yuanba)
            values (:caseNo, :channel, :externalId, :category, :title, :description, :community,
              :compound, :households, :status, :createdBy, :now, :now, :yuanba)""")
        .param("yuanba", c.yuanba())
        .param("caseNo", caseNo)
        .param("channel", c.channel().name())
        .param("externalId", c.externalId())
        .param("category", c.category())
        .param("title", c.title())
        .param("description", c.description())
        .param("community", c.community())
        .param("compound", c.compound())
        .param("households", c.householdsAffected())
        .param("status", CaseStatus.REGISTERED.name())
        .param("createdBy", createdBy)
        .param("now", now)
        .update(keys, "id");
    long id = Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
    if (c.hasPrivateData()) {
      Reporter r = c.reporter();
      jdbc.sql("""
              insert into yishi_reporter (case_id, name, phone, email, address, lat, lon, created_at)
              values (:caseId, :name, :phone, :email, :address, :lat, :lon, :now)""")
          .param("caseId", id)
          .param("name", r.name())
          .param("phone", r.phone())
          .param("email", r.email())
          .param("address", r.address())
          .param("lat", c.lat())
          .param("lon", c.lon())
          .param("now", now)
          .update();
    }
    for (String url : c.attachments()) {
      jdbc.sql("insert into yishi_attachment (case_id, url) values (:caseId, :url)")
          .param("caseId", id).param("url", url).update();
    }
    return new CaseFile(id, caseNo, c.channel(), c.externalId(), c.category(), c.title(), c.description(),
        c.community(), c.compound(), c.householdsAffected(), now).place(c.yuanba(), null);
  }

  @Override
  public void reviewAt(long caseId, String reviewGroup) {
    jdbc.sql("update yishi_case set review_group = :g where id = :id").param("g", reviewGroup).param("id", caseId).update();
  }

  @Override
  public Optional<CaseFile> findByCaseNo(String caseNo) {
    return jdbc.sql("select " + COLUMNS + " from yishi_case where case_no = :caseNo")
        .param("caseNo", caseNo)
        .query(JdbcCaseRepository::map)
        .optional();
  }

  @Override
  public Optional<CaseFile> findById(long id) {
    return jdbc.sql("select " + COLUMNS + " from yishi_case where id = :id")
        .param("id", id)
        .query(JdbcCaseRepository::map)
        .optional();
  }

  @Override
  public void attachProcess(long caseId, String processInstanceId) {
    // the suggestion (started inside the process) usually wrote it already: then no row is written again
    jdbc.sql("update yishi_case set process_instance_id = :pid where id = :id"
            + " and (process_instance_id is null or process_instance_id <> :pid)")
        .param("pid", processInstanceId)
        .param("id", caseId)
        .update();
  }

  @Override
  public void save(CaseFile c, OffsetDateTime now) {
    Classification s = c.suggested();
    jdbc.sql("""
            update yishi_case set status = :status, suggested_urgency = :sUrgency, suggested_tier = :sTier,
              suggested_disposal = :sDisposal, referral = :referral, urgency = :urgency, tier = :tier,
              disposal = :disposal, responsible_unit = :unit, decline_reason = :declineReason,
              deadline = :deadline, response_deadline = :responseDeadline, process_instance_id = :pid,
              result_note = :resultNote, satisfaction = :satisfaction, supporting_count = :supporting,
              overdue_count = :overdue, rework_count = :rework, unsatisfied_count = :unsatisfied,
              resolved_at = :resolvedAt, closed_at = :closedAt, updated_at = :now,
              suggested_ground = :sGround, screening_ground = :ground, review_group = :reviewGroup
            where id = :id""")
        .param("reviewGroup", c.reviewGroup())
        .param("sGround", name(c.suggestedGround()))
        .param("ground", name(c.ground()))
        .param("status", c.status().name())
        .param("sUrgency", s == null ? null : s.urgency().name())
        .param("sTier", s == null ? null : s.tier().name())
        .param("sDisposal", s == null ? null : s.disposal().name())
        .param("referral", c.referral())
        .param("urgency", name(c.urgency()))
        .param("tier", name(c.tier()))
        .param("disposal", name(c.disposal()))
        .param("unit", c.responsibleUnit())
        .param("declineReason", c.declineReason())
        .param("deadline", c.deadline())
        .param("responseDeadline", c.responseDeadline())
        .param("pid", c.processInstanceId())
        .param("resultNote", c.resultNote())
        .param("satisfaction", c.satisfaction())
        .param("supporting", c.supportingCount())
        .param("overdue", c.overdueCount())
        .param("rework", c.reworkCount())
        .param("unsatisfied", c.unsatisfiedCount())
        .param("resolvedAt", c.resolvedAt())
        .param("closedAt", c.closedAt())
        .param("now", now)
        .param("id", c.id())
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
  public Optional<double[]> findPosition(long caseId) {
    return jdbc.sql("select lat, lon from yishi_reporter where case_id = :id and lat is not null")
        .param("id", caseId)
        .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
        .optional();
  }

  @Override
  public List<String> attachments(long caseId) {
    return jdbc.sql("select url from yishi_attachment where case_id = :id order by id")
        .param("id", caseId).query(String.class).list();
  }

  @Override
  public Optional<String> findCaseNoByExternalId(String channel, String externalId) {
    // one round trip for both: the case the report created, else the case it joined (附议)
    return jdbc.sql("""
            select case_no from (
              select case_no, 0 as joined from yishi_case where channel = :channel and external_id = :ext
              union all
              select c.case_no, 1 as joined from yishi_supporting_report s join yishi_case c on c.id = s.case_id
              where s.channel = :channel and s.external_id = :ext) r
            order by joined fetch first 1 rows only""")
        .param("channel", channel).param("ext", externalId).query(String.class).optional();
  }

  @Override
  public Optional<CaseFile> findOpenDuplicate(String community, String category, String compound) {
    List<String> open = java.util.Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).map(Enum::name).toList();
    return jdbc.sql("select " + COLUMNS + """
             from yishi_case where community = :community and category = :category and compound = :compound
            and status in (:open) order by id limit 1""")
        .param("community", community)
        .param("category", category)
        .param("compound", compound)
        .param("open", open)
        .query(JdbcCaseRepository::map)
        .optional();
  }

  @Override
  public void insertSupportingReport(long caseId, NewCase report, String createdBy, OffsetDateTime now) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into yishi_supporting_report (case_id, channel, external_id, created_by, created_at)
            values (:caseId, :channel, :ext, :createdBy, :now)""")
        .param("caseId", caseId)
        .param("channel", report.channel().name())
        .param("ext", report.externalId())
        .param("createdBy", createdBy)
        .param("now", now)
        .update(keys, "id");
    long id = Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
    Reporter r = report.reporter();
    if (!r.isAnonymous()) {
      jdbc.sql("""
              insert into yishi_supporting_reporter (report_id, name, phone, email, address)
              values (:id, :name, :phone, :email, :address)""")
          .param("id", id).param("name", r.name()).param("phone", r.phone())
          .param("email", r.email()).param("address", r.address())
          .update();
    }
  }

  @Override
  public String publicVersion(String community) {
    return jdbc.sql("""
            select count(*), max(updated_at) from yishi_case
            where community = :community and status <> 'REGISTERED'""")
        .param("community", community)
        .query((rs, n) -> {
          OffsetDateTime last = rs.getObject(2, OffsetDateTime.class);
          return rs.getLong(1) + "-" + (last == null ? 0 : last.toInstant().toEpochMilli());
        })
        .single();
  }

  @Override
  public List<CaseFile> findForPublic(String community, String status, String month, int limit) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from yishi_case where status <> 'REGISTERED'");
    if (community != null) {
      sql.append(" and community = :community");
    }
    if (status != null) {
      sql.append(" and status = :status");
    }
    if (month != null) {
      sql.append(" and created_at >= :from and created_at < :to");
    }
    sql.append(" order by created_at desc, id desc limit ").append(limit);
    JdbcClient.StatementSpec spec = jdbc.sql(sql.toString());
    if (community != null) {
      spec = spec.param("community", community);
    }
    if (status != null) {
      spec = spec.param("status", status);
    }
    if (month != null) {
      java.time.YearMonth ym = java.time.YearMonth.parse(month);
      java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
      spec = spec.param("from", ym.atDay(1).atStartOfDay(zone).toOffsetDateTime())
          .param("to", ym.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime());
    }
    return spec.query(JdbcCaseRepository::map).list();
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    return value == null ? null : Enum.valueOf(type, value);
  }

  private static CaseFile map(ResultSet rs, int row) throws SQLException {
    CaseFile c = new CaseFile(
        rs.getLong("id"),
        rs.getString("case_no"),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("external_id"),
        rs.getString("category"),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("community"),
        rs.getString("compound"),
        rs.getObject("households_affected", Integer.class),
        rs.getObject("created_at", OffsetDateTime.class));
    String sUrgency = rs.getString("suggested_urgency");
    Classification suggested = sUrgency == null ? null : new Classification(
        Urgency.valueOf(sUrgency), Tier.valueOf(rs.getString("suggested_tier")),
        Disposal.valueOf(rs.getString("suggested_disposal")), null);
    return c.restore(
        CaseStatus.valueOf(rs.getString("status")),
        suggested,
        rs.getString("referral"),
        parse(Urgency.class, rs.getString("urgency")),
        parse(Tier.class, rs.getString("tier")),
        parse(Disposal.class, rs.getString("disposal")),
        rs.getString("responsible_unit"),
        rs.getString("decline_reason"),
        rs.getObject("deadline", OffsetDateTime.class),
        rs.getObject("response_deadline", OffsetDateTime.class),
        rs.getString("process_instance_id"),
        rs.getString("result_note"),
        rs.getObject("satisfaction", Integer.class),
        rs.getInt("supporting_count"),
        rs.getInt("overdue_count"),
        rs.getInt("rework_count"),
        rs.getInt("unsatisfied_count"),
        rs.getObject("resolved_at", OffsetDateTime.class),
        rs.getObject("closed_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class))
        .restoreScreening(parse(ScreeningGround.class, rs.getString("suggested_ground")),
            parse(ScreeningGround.class, rs.getString("screening_ground")))
        .place(rs.getString("yuanba"), rs.getString("review_group"));
  }
}
