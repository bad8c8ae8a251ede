package cn.yishi.adapter.inbound.open311;

import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.TimelineAction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of Open311, read-only: the public columns of {@code yishi_case} (never
 * {@code yishi_reporter}, the description, the attachments or the position) and the public entries
 * of the timeline. Cases awaiting review are not public and are never returned.
 */
@Component
class Open311Query {
  /** Statuses that may be shown: everything but REGISTERED (awaiting review). */
  static final Set<String> PUBLIC_STATUSES = Set.copyOf(Arrays.stream(CaseStatus.values())
      .filter(s -> s != CaseStatus.REGISTERED).map(Enum::name).toList());
  /** Open311 {@code closed}; every other public status is {@code open}. */
  static final Set<String> CLOSED_STATUSES = Set.of(CaseStatus.DECLINED.name(), CaseStatus.CLOSED.name());

  private static final String COLUMNS = """
      id, case_no, channel, category, title, community, compound, status, urgency, tier, disposal,
      responsible_unit, deadline, created_at, updated_at""";

  private final JdbcClient jdbc;

  Open311Query(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Row(long id, String caseNo, String channel, String category, String title, String community, String compound,
      String status, String urgency, String tier, String disposal, String responsibleUnit, OffsetDateTime deadline,
      OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

  /** A public timeline entry: when, and what the public reads. */
  record Note(OffsetDateTime at, String description) {}

  record Found(Row row, List<Note> notes) {}

  /**
   * The filter of GET requests. With case numbers, only they (and the community) count; otherwise
   * statuses (never empty) and the creation time, with optional community and categories.
   */
  record Criteria(List<String> caseNos, String community, List<String> categories, Set<String> statuses,
      OffsetDateTime from, OffsetDateTime to, int limit, long offset) {}

  /** A page of public cases, newest first, each with its public timeline. */
  @Transactional(readOnly = true)
  public List<Found> find(Criteria c) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from yishi_case where ");
    Map<String, Object> params = new HashMap<>();
    if (!c.caseNos().isEmpty()) {
      sql.append("case_no in (:caseNos) and status in (:statuses)");
      params.put("caseNos", c.caseNos());
      params.put("statuses", List.copyOf(PUBLIC_STATUSES));
    } else {
      List<String> statuses = c.statuses().stream().filter(PUBLIC_STATUSES::contains).sorted().toList();
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
    List<Row> rows = jdbc.sql(sql.toString()).params(params).query(Open311Query::row).list();
    return withNotes(rows);
  }

  /** One public case. */
  @Transactional(readOnly = true)
  public Optional<Found> one(String caseNo) {
    List<Row> rows = jdbc.sql("select " + COLUMNS + " from yishi_case where case_no = :caseNo and status in (:statuses)")
        .param("caseNo", caseNo)
        .param("statuses", List.copyOf(PUBLIC_STATUSES))
        .query(Open311Query::row)
        .list();
    return withNotes(rows).stream().findFirst();
  }

  /** Whether a case exists at all (for tokens, which only name the case their holder created). */
  @Transactional(readOnly = true)
  public boolean exists(String caseNo) {
    return jdbc.sql("select count(*) from yishi_case where case_no = :caseNo").param("caseNo", caseNo)
        .query(Long.class).single() > 0;
  }

  private List<Found> withNotes(List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<Note>> notes = new HashMap<>();
    jdbc.sql("""
            select case_id, occurred_at, action, note from yishi_case_event
            where case_id in (:ids) and public_note = true order by case_id, id""")
        .param("ids", rows.stream().map(Row::id).toList())
        .query(rs -> {
          notes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(new Note(rs.getObject(2, OffsetDateTime.class), describe(rs.getString(3), rs.getString(4))));
        });
    return rows.stream().map(r -> new Found(r, notes.getOrDefault(r.id(), List.of()))).toList();
  }

  private static String describe(String action, String note) {
    String label;
    try {
      label = TimelineAction.valueOf(action).label();
    } catch (IllegalArgumentException e) {
      label = action;
    }
    if (note == null || note.isBlank()) {
      return label;
    }
    return label + (label.contains("：") ? "，" : "：") + note;
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
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
