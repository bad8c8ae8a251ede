package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.SupervisionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Runs, orders and listed supervision. The sweep's queries use the (status, deadline) indexes of
 * yishi_case and yishi_resolution_item.
 */
@Repository
class JdbcSupervisionStore implements SupervisionStore {
  /** Case statuses in which a responsible unit works against a deadline. */
  static final String OPEN_CASE = "c.status in ('ACCEPTED', 'IN_PROGRESS', 'REWORK')";
  private static final String CASE_ITEM = """
      select 'CASE', c.id, c.id, c.case_no, c.title, c.community, c.tier, c.responsible_unit, null, c.deadline,
             c.process_instance_id, c.listed_at
      from yishi_case c
      """;
  private static final String RESOLUTION_ITEM = """
      select 'ITEM', ri.id, c.id, c.case_no, c.title, c.community, c.tier, ri.unit, ri.measure, ri.deadline,
             c.process_instance_id, ri.listed_at
      from yishi_resolution_item ri join yishi_case c on c.id = ri.case_id
      """;
  private static final String RUN_COLUMNS = """
      id, kind, as_of, period, triggered_by, started_at, finished_at, checked, overdue, ordered, reminded, listed,
      without_contact, process_instance_id""";

  private final JdbcClient jdbc;
  private final String insertOrder;

  JdbcSupervisionStore(JdbcClient jdbc, Dialect dialect) {
    this.jdbc = jdbc;
    this.insertOrder = dialect.insertIfAbsent("yishi_supervision_order",
        "item_type, item_id, case_id, period, source, run_id, unit, deadline, due_at, listed, contact_missing, created_at",
        ":type, :itemId, :caseId, :period, :source, :runId, :unit, :deadline, :dueAt, :listed, :contactMissing, :now",
        List.of("item_type", "item_id", "period"), List.of(":type", ":itemId", ":period"));
  }

  @Override
  public long startRun(String kind, LocalDate asOf, String period, String triggeredBy, String processInstanceId,
      OffsetDateTime now) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into yishi_supervision_run (kind, as_of, period, triggered_by, started_at, process_instance_id)
            values (:kind, :asOf, :period, :by, :now, :pid)""")
        .param("kind", kind).param("asOf", asOf).param("period", period).param("by", triggeredBy)
        .param("now", now).param("pid", processInstanceId)
        .update(keys, "id");
    return Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
  }

  @Override
  public void finishRun(long runId, Counts c, OffsetDateTime now) {
    jdbc.sql("""
            update yishi_supervision_run set finished_at = :now, checked = :checked, overdue = :overdue,
              ordered = :ordered, reminded = :reminded, listed = :listed, without_contact = :withoutContact
            where id = :id""")
        .param("now", now).param("checked", c.checked()).param("overdue", c.overdue()).param("ordered", c.ordered())
        .param("reminded", c.reminded()).param("listed", c.listed()).param("withoutContact", c.withoutContact())
        .param("id", runId)
        .update();
  }

  @Override
  public Optional<Run> run(long id) {
    return jdbc.sql("select " + RUN_COLUMNS + " from yishi_supervision_run where id = :id")
        .param("id", id).query(JdbcSupervisionStore::run).optional();
  }

  @Override
  public Optional<Run> runOfProcess(String processInstanceId) {
    return jdbc.sql("select " + RUN_COLUMNS + " from yishi_supervision_run where process_instance_id = :pid order by id desc limit 1")
        .param("pid", processInstanceId).query(JdbcSupervisionStore::run).optional();
  }

  @Override
  public List<Run> runs(String kind, int limit) {
    if (kind == null) {
      return jdbc.sql("select " + RUN_COLUMNS + " from yishi_supervision_run order by id desc limit :limit")
          .param("limit", limit).query(JdbcSupervisionStore::run).list();
    }
    return jdbc.sql("select " + RUN_COLUMNS + " from yishi_supervision_run where kind = :kind order by id desc limit :limit")
        .param("kind", kind).param("limit", limit).query(JdbcSupervisionStore::run).list();
  }

  @Override
  public int countOpenItems() {
    Integer cases = jdbc.sql("select count(*) from yishi_case c where " + OPEN_CASE
        + " and c.deadline is not null and c.responsible_unit is not null").query(Integer.class).single();
    Integer items = jdbc.sql("""
            select count(*) from yishi_resolution_item ri join yishi_case c on c.id = ri.case_id
            where ri.status = 'OPEN'""").query(Integer.class).single();
    return cases + items;
  }

  @Override
  public List<OpenItem> overdueItems(OffsetDateTime cutoff) {
    List<OpenItem> items = new ArrayList<>(jdbc.sql(CASE_ITEM + " where " + OPEN_CASE
            + " and c.deadline < :cutoff and c.responsible_unit is not null order by c.id")
        .param("cutoff", cutoff).query(JdbcSupervisionStore::item).list());
    items.addAll(jdbc.sql(RESOLUTION_ITEM + " where ri.status = 'OPEN' and ri.deadline < :cutoff order by ri.id")
        .param("cutoff", cutoff).query(JdbcSupervisionStore::item).list());
    return items;
  }

  @Override
  public List<OpenItem> quietItems(OffsetDateTime cutoff, OffsetDateTime quietSince) {
    List<OpenItem> items = new ArrayList<>(jdbc.sql(CASE_ITEM + " where " + OPEN_CASE
            + " and c.deadline >= :cutoff and c.responsible_unit is not null"
            + " and coalesce(c.last_progress_at, c.created_at) < :since order by c.id")
        .param("cutoff", cutoff).param("since", quietSince).query(JdbcSupervisionStore::item).list());
    items.addAll(jdbc.sql(RESOLUTION_ITEM + " join yishi_meeting m on m.id = ri.meeting_id"
            + " where ri.status = 'OPEN' and ri.deadline >= :cutoff"
            + " and coalesce(ri.last_progress_at, m.created_at) < :since order by ri.id")
        .param("cutoff", cutoff).param("since", quietSince).query(JdbcSupervisionStore::item).list());
    return items;
  }

  @Override
  public Set<String> orderedIn(String period) {
    return new HashSet<>(jdbc.sql("""
            select item_type || ':' || item_id from yishi_supervision_order where period = :period and source = 'SWEEP'""")
        .param("period", period).query(String.class).list());
  }

  @Override
  public Optional<Long> insertOrder(NewOrder o) {
    KeyHolder keys = new GeneratedKeyHolder();
    int inserted;
    try {
      inserted = jdbc.sql(insertOrder)
          .param("type", o.type().name()).param("itemId", o.itemId()).param("caseId", o.caseId())
          .param("period", o.period()).param("source", o.source()).param("runId", o.runId()).param("unit", o.unit())
          .param("deadline", o.deadline()).param("dueAt", o.dueAt()).param("listed", o.listed())
          .param("contactMissing", o.contactMissing()).param("now", o.now())
          .update(keys, "id");
    } catch (DuplicateKeyException raced) {
      // H2 only: a concurrent sweep inserted the same order after our "not exists" check; H2 keeps
      // the transaction usable (PostgreSQL's "on conflict do nothing" never gets here)
      return Optional.empty();
    }
    if (inserted == 0 || keys.getKey() == null) {
      return Optional.empty();
    }
    return Optional.of(keys.getKey().longValue());
  }

  @Override
  public void markListed(ItemType type, long id, OffsetDateTime now) {
    String table = type == ItemType.CASE ? "yishi_case" : "yishi_resolution_item";
    jdbc.sql("update " + table + " set listed_at = :now where id = :id and listed_at is null")
        .param("now", now).param("id", id).update();
  }

  @Override
  public boolean completeOrder(long orderId, String actor, String comment, OffsetDateTime now) {
    return jdbc.sql("""
            update yishi_supervision_order set completed_at = :now, completed_by = :actor, comment = :comment
            where id = :id and completed_at is null""")
        .param("now", now).param("actor", actor).param("comment", comment).param("id", orderId)
        .update() == 1;
  }

  @Override
  public void touchCaseProgress(long caseId, OffsetDateTime now) {
    jdbc.sql("update yishi_case set last_progress_at = :now where id = :id").param("now", now).param("id", caseId).update();
  }

  private static OpenItem item(ResultSet rs, int row) throws SQLException {
    return new OpenItem(ItemType.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
        rs.getObject(10, OffsetDateTime.class), rs.getString(11), rs.getObject(12, OffsetDateTime.class));
  }

  private static Run run(ResultSet rs, int row) throws SQLException {
    return new Run(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
        rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class), rs.getInt(8), rs.getInt(9),
        rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getString(14));
  }
}
