package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.ResourceList;
import cn.yishi.domain.resource.ResourceDraft;
import cn.yishi.domain.resource.ResourceEntry;
import cn.yishi.domain.resource.ResourceKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** yishi_resource and its audit yishi_resource_change (V16). Keywords are stored joined by 、. */
@Repository
class JdbcResourceList implements ResourceList {
  private static final String COLUMNS = "id, kind, name, expertise, keywords, contact, community, street, active, version";
  private static final String SEPARATOR = "、";

  private final JdbcClient jdbc;
  private final Dialect dialect;

  JdbcResourceList(JdbcClient jdbc, Dialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  @Override
  public List<ResourceEntry> all() {
    return jdbc.sql("select " + COLUMNS + " from yishi_resource order by active desc, kind, name, id")
        .query(JdbcResourceList::map).list();
  }

  @Override
  public Optional<ResourceEntry> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from yishi_resource where id = ?").param(id).query(JdbcResourceList::map).optional();
  }

  @Override
  public long add(ResourceKind kind, ResourceDraft d, String actor, OffsetDateTime now) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into yishi_resource (kind, name, expertise, keywords, contact, community, street, active, version,
              created_at, created_by, updated_at, updated_by)
            values (:kind, :name, :expertise, :keywords, :contact, :community, :street, true, 0, :now, :actor, :now, :actor)""")
        .param("kind", kind.name())
        .param("name", d.name())
        .param("expertise", d.expertise())
        .param("keywords", String.join(SEPARATOR, d.keywords()))
        .param("contact", d.contact())
        .param("community", d.community())
        .param("street", d.street())
        .param("now", now)
        .param("actor", actor)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    audit(id, "ADDED", actor, now);
    return id;
  }

  @Override
  public boolean update(long id, int version, ResourceKind kind, ResourceDraft d, String actor, OffsetDateTime now) {
    int n = jdbc.sql("""
            update yishi_resource set kind = :kind, name = :name, expertise = :expertise, keywords = :keywords,
              contact = :contact, community = :community, street = :street, version = version + 1,
              updated_at = :now, updated_by = :actor
            where id = :id and version = :version and active = true""")
        .param("kind", kind.name())
        .param("name", d.name())
        .param("expertise", d.expertise())
        .param("keywords", String.join(SEPARATOR, d.keywords()))
        .param("contact", d.contact())
        .param("community", d.community())
        .param("street", d.street())
        .param("now", now)
        .param("actor", actor)
        .param("id", id)
        .param("version", version)
        .update();
    if (n > 0) {
      audit(id, "EDITED", actor, now);
    }
    return n > 0;
  }

  @Override
  public boolean retire(long id, String actor, OffsetDateTime now) {
    int n = jdbc.sql("""
            update yishi_resource set active = false, version = version + 1, updated_at = :now, updated_by = :actor
            where id = :id and active = true""")
        .param("now", now).param("actor", actor).param("id", id).update();
    if (n > 0) {
      audit(id, "RETIRED", actor, now);
    }
    return n > 0;
  }

  @Override
  public List<Change> changes(long id) {
    return jdbc.sql("""
            select resource_id, action, changed_by, changed_at, summary from yishi_resource_change
            where resource_id = ? order by changed_at, id""")
        .param(id)
        .query((rs, row) -> new Change(rs.getLong("resource_id"), rs.getString("action"), rs.getString("changed_by"),
            rs.getObject("changed_at", OffsetDateTime.class), rs.getString("summary")))
        .list();
  }

  @Override
  public boolean claimSeed(OffsetDateTime now) {
    return jdbc.sql(dialect.insertIfAbsent("yishi_resource_seed", "id, seeded_at", "1, :now", "id", "1"))
        .param("now", now).update() > 0;
  }

  /** The entry as it is after the change, in words (contact included: the audit is for staff). */
  private void audit(long id, String action, String actor, OffsetDateTime now) {
    ResourceEntry e = find(id).orElseThrow();
    String summary = e.kind().label() + "｜" + e.name()
        + (e.expertise() == null ? "" : "｜专长：" + e.expertise())
        + "｜关键词：" + String.join(SEPARATOR, e.keywords())
        + (e.contact() == null ? "" : "｜联系：" + e.contact())
        + "｜范围：" + (e.community() != null ? e.community() : e.street() != null ? e.street() : "全县")
        + (e.active() ? "" : "｜已停用");
    jdbc.sql("""
            insert into yishi_resource_change (resource_id, action, changed_by, changed_at, summary)
            values (:id, :action, :actor, :now, :summary)""")
        .param("id", id).param("action", action).param("actor", actor).param("now", now)
        .param("summary", summary.length() > 2000 ? summary.substring(0, 2000) : summary)
        .update();
  }

  private static ResourceEntry map(ResultSet rs, int row) throws SQLException {
    String keywords = rs.getString("keywords");
    return new ResourceEntry(rs.getLong("id"), ResourceKind.valueOf(rs.getString("kind")), rs.getString("name"),
        rs.getString("expertise"), keywords == null || keywords.isEmpty() ? List.of() : Arrays.asList(keywords.split(SEPARATOR)),
        rs.getString("contact"), rs.getString("community"), rs.getString("street"), rs.getBoolean("active"),
        rs.getInt("version"));
  }
}
