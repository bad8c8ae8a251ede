package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.ObserverStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcObservers implements ObserverStore {
  private static final String OBSERVER = """
      select o.id, o.name, o.phone, o.kind, o.company, o.street, o.active, o.created_at, o.created_by, o.withdrawn_at,
             o.token_issued_at, (select count(*) from yishi_observer_report r where r.observer_id = o.id) as reports
      from yishi_observer o""";

  private final JdbcClient jdbc;

  JdbcObservers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Observer insert(NewObserver o, OffsetDateTime at, String by) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into yishi_observer (name, phone, kind, company, street, token_digest, token_issued_at, active, created_at,
            created_by) values (?, ?, ?, ?, ?, ?, ?, true, ?, ?)""")
        .params(o.name(), o.phone(), o.kind(), o.company(), o.street(), o.tokenDigest(), at, at, by)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    return find(id).orElseThrow();
  }

  @Override
  public List<Observer> all() {
    return jdbc.sql(OBSERVER + " order by o.active desc, o.created_at desc, o.id desc").query(JdbcObservers::observer).list();
  }

  @Override
  public Optional<Observer> find(long id) {
    return jdbc.sql(OBSERVER + " where o.id = ?").param(id).query(JdbcObservers::observer).optional();
  }

  @Override
  public Optional<Observer> findByTokenDigest(String digest) {
    return jdbc.sql(OBSERVER + " where o.token_digest = ?").param(digest).query(JdbcObservers::observer).optional();
  }

  @Override
  public boolean withdraw(long id, OffsetDateTime at, String by) {
    return jdbc.sql("update yishi_observer set active = false, withdrawn_at = ?, withdrawn_by = ? where id = ? and active")
        .params(at, by, id).update() == 1;
  }

  @Override
  public void replaceToken(long id, String digest, OffsetDateTime at) {
    jdbc.sql("update yishi_observer set token_digest = ?, token_issued_at = ? where id = ?").params(digest, at, id).update();
  }

  @Override
  public void addReport(long observerId, Report r) {
    jdbc.sql("insert into yishi_observer_report (observer_id, case_no, category, community, reported_at) values (?, ?, ?, ?, ?)")
        .params(observerId, r.caseNo(), r.category(), r.community(), r.reportedAt()).update();
  }

  @Override
  public List<Report> reports(long observerId, int limit) {
    return jdbc.sql("""
        select case_no, category, community, reported_at from yishi_observer_report where observer_id = ?
        order by reported_at desc, id desc limit ?""").params(observerId, limit)
        .query((rs, i) -> new Report(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)))
        .list();
  }

  private static Observer observer(ResultSet rs, int row) throws SQLException {
    return new Observer(rs.getLong("id"), rs.getString("name"), rs.getString("phone"), rs.getString("kind"),
        rs.getString("company"), rs.getString("street"), rs.getBoolean("active"),
        rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
        rs.getObject("withdrawn_at", OffsetDateTime.class), rs.getObject("token_issued_at", OffsetDateTime.class),
        rs.getInt("reports"));
  }
}
