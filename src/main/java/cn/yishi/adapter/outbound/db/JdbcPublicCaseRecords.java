package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.PublicCaseRecords;
import cn.yishi.domain.casefile.CaseStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code yishi_case} (the public columns only, never {@code yishi_reporter}) and the entries of
 * {@code yishi_case_event} marked public. The same SQL runs on PostgreSQL and H2.
 */
@Repository
class JdbcPublicCaseRecords implements PublicCaseRecords {
  private static final String COLUMNS = """
      id, case_no, channel, category, title, community, compound, status, urgency, tier, disposal,
      responsible_unit, deadline, created_at, updated_at""";
  private static final List<String> PUBLIC = names(PUBLIC_STATUSES.stream().toList());

  private final JdbcClient jdbc;

  JdbcPublicCaseRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Found> find(Criteria c) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from yishi_case where ");
    Map<String, Object> params = new HashMap<>();
    if (!c.caseNos().isEmpty()) {
      sql.append("case_no in (:caseNos) and status in (:statuses)");
      params.put("caseNos", c.caseNos());
      params.put("statuses", PUBLIC);
    } else {
      List<String> statuses = names(c.statuses().stream().filter(PUBLIC_STATUSES::contains).toList());
      if (statuses.isEmpty()) {
        return List.of();
      }
      sql.append("status in (:statuses) and created_at >= :from and created_at <= :to");
      params.put("statuses", statuses);
      params.put("from", c.from());
      params.put("to", c.to());
      if (!c.categories().isEmpty()) {
        sql.append(" and category in (:categories)");
        params.put("categories", c.categories());
      }
    }
    if (c.community() != null) {
      sql.append(" and community = :community");
      params.put("community", c.community());
    }
    sql.append(" order by created_at desc, id desc limit ").append(c.limit()).append(" offset ").append(c.offset());
    return withTimeline(jdbc.sql(sql.toString()).params(params).query(JdbcPublicCaseRecords::record).list());
  }

  @Override
  public Optional<Found> find(String caseNo) {
    List<Case> rows = jdbc.sql("select " + COLUMNS + " from yishi_case where case_no = :caseNo and status in (:statuses)")
        .param("caseNo", caseNo)
        .param("statuses", PUBLIC)
        .query(JdbcPublicCaseRecords::record)
        .list();
    return withTimeline(rows).stream().findFirst();
  }

  @Override
  public boolean exists(String caseNo) {
    return jdbc.sql("select count(*) from yishi_case where case_no = :caseNo").param("caseNo", caseNo)
        .query(Long.class).single() > 0;
  }

  /** The public entries of all the cases in one query. */
  private List<Found> withTimeline(List<Case> cases) {
    if (cases.isEmpty()) {
      return List.of();
    }
    Map<Long, List<Entry>> entries = new HashMap<>();
    jdbc.sql("""
            select case_id, occurred_at, action, note from yishi_case_event
            where case_id in (:ids) and public_note = true order by case_id, id""")
        .param("ids", cases.stream().map(Case::id).toList())
        .query(rs -> {
          entries.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(new Entry(rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4)));
        });
    return cases.stream().map(c -> new Found(c, List.copyOf(entries.getOrDefault(c.id(), List.of())))).toList();
  }

  private static List<String> names(List<CaseStatus> statuses) {
    return statuses.stream().map(Enum::name).sorted().toList();
  }

  private static Case record(ResultSet rs, int n) throws SQLException {
    return new Case(
        rs.getLong("id"),
        rs.getString("case_no"),
        rs.getString("channel"),
        rs.getString("category"),
        rs.getString("title"),
        rs.getString("community"),
        rs.getString("compound"),
        rs.getString("status"),
        rs.getString("urgency"),
        rs.getString("tier"),
        rs.getString("disposal"),
        rs.getString("responsible_unit"),
        rs.getObject("deadline", OffsetDateTime.class),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class));
  }
}
