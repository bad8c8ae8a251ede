package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.ProxyServiceList;
import cn.yishi.domain.proxy.ProxyServiceEntry;
import cn.yishi.domain.proxy.ProxyServiceType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** yishi_proxy_service, its audit yishi_proxy_service_change, yishi_proxy_office and the seed row (V26). */
@Repository
class JdbcProxyServiceList implements ProxyServiceList {
  private static final String COLUMNS = "code, name, office, time_limit_days, documents, steps, active, version";
  /** Documents and steps, one per line. */
  private static final String LINE = "\n";

  private final JdbcClient jdbc;
  private final Dialect dialect;

  JdbcProxyServiceList(JdbcClient jdbc, Dialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  @Override
  public List<ProxyServiceEntry> all() {
    return jdbc.sql("select " + COLUMNS + " from yishi_proxy_service order by active desc, created_at, code")
        .query(JdbcProxyServiceList::map).list();
  }

  @Override
  public Optional<ProxyServiceEntry> find(String code) {
    return jdbc.sql("select " + COLUMNS + " from yishi_proxy_service where code = ?").param(code)
        .query(JdbcProxyServiceList::map).optional();
  }

  @Override
  public boolean add(ProxyServiceType s, String actor, OffsetDateTime now) {
    int n = jdbc.sql(dialect.insertIfAbsent("yishi_proxy_service",
            "code, name, office, time_limit_days, documents, steps, active, version, created_at, created_by, updated_at, updated_by",
            ":code, :name, :office, :limit, :documents, :steps, true, 0, :now, :actor, :now, :actor", "code", ":code"))
        .param("code", s.code()).param("name", s.name()).param("office", s.office()).param("limit", s.timeLimitDays())
        .param("documents", String.join(LINE, s.documents())).param("steps", String.join(LINE, s.steps()))
        .param("now", now).param("actor", actor)
        .update();
    if (n > 0) {
      audit(s.code(), "ADDED", actor, now);
    }
    return n > 0;
  }

  @Override
  public boolean update(ProxyServiceType s, int version, String actor, OffsetDateTime now) {
    int n = jdbc.sql("""
            update yishi_proxy_service set name = :name, office = :office, time_limit_days = :limit,
              documents = :documents, steps = :steps, version = version + 1, updated_at = :now, updated_by = :actor
            where code = :code and version = :version and active = true""")
        .param("code", s.code()).param("name", s.name()).param("office", s.office()).param("limit", s.timeLimitDays())
        .param("documents", String.join(LINE, s.documents())).param("steps", String.join(LINE, s.steps()))
        .param("now", now).param("actor", actor).param("version", version)
        .update();
    if (n > 0) {
      audit(s.code(), "EDITED", actor, now);
    }
    return n > 0;
  }

  @Override
  public boolean retire(String code, String actor, OffsetDateTime now) {
    int n = jdbc.sql("""
            update yishi_proxy_service set active = false, version = version + 1, updated_at = :now, updated_by = :actor
            where code = :code and active = true""")
        .param("now", now).param("actor", actor).param("code", code).update();
    if (n > 0) {
      audit(code, "RETIRED", actor, now);
    }
    return n > 0;
  }

  @Override
  public List<Change> changes(String code) {
    return jdbc.sql("""
            select service_code, action, changed_by, changed_at, summary from yishi_proxy_service_change
            where service_code = ? order by changed_at, id""")
        .param(code)
        .query((rs, row) -> new Change(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class), rs.getString(5)))
        .list();
  }

  @Override
  public List<String> offices() {
    return jdbc.sql("select name from yishi_proxy_office order by created_at, name").query(String.class).list();
  }

  @Override
  public boolean addOffice(String name, String actor, OffsetDateTime now) {
    return jdbc.sql(dialect.insertIfAbsent("yishi_proxy_office", "name, created_at, created_by", ":name, :now, :actor",
            "name", ":name"))
        .param("name", name).param("now", now).param("actor", actor).update() > 0;
  }

  @Override
  public boolean claimSeed(OffsetDateTime now) {
    return jdbc.sql(dialect.insertIfAbsent("yishi_proxy_service_seed", "id, seeded_at", "1, :now", "id", "1"))
        .param("now", now).update() > 0;
  }

  @Override
  public void lock() {
    jdbc.sql("select id from yishi_proxy_service_seed where id = 1 for update").query(Integer.class).list();
  }

  /** The service after the change, in words. */
  private void audit(String code, String action, String actor, OffsetDateTime now) {
    ProxyServiceEntry e = find(code).orElseThrow();
    ProxyServiceType s = e.service();
    String summary = s.name() + "｜办理部门：" + s.office() + "｜时限：" + s.timeLimitDays() + "个工作日"
        + "｜要件：" + String.join("、", s.documents()) + "｜流程：" + String.join("→", s.steps())
        + (e.active() ? "" : "｜已停用");
    jdbc.sql("""
            insert into yishi_proxy_service_change (service_code, action, changed_by, changed_at, summary)
            values (:code, :action, :actor, :now, :summary)""")
        .param("code", code).param("action", action).param("actor", actor).param("now", now)
        .param("summary", summary.length() > 4000 ? summary.substring(0, 4000) : summary)
        .update();
  }

  private static ProxyServiceEntry map(ResultSet rs, int row) throws SQLException {
    return new ProxyServiceEntry(new ProxyServiceType(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
        lines(rs.getString(5)), lines(rs.getString(6))), rs.getBoolean(7), rs.getInt(8));
  }

  private static List<String> lines(String s) {
    return s == null || s.isEmpty() ? List.of() : List.of(s.split(LINE));
  }
}
