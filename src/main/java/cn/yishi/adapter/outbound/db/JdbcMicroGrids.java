package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.MicroGridStore;
import cn.yishi.domain.microgrid.ChangeReason;
import cn.yishi.domain.microgrid.RoleHolder;
import cn.yishi.domain.microgrid.Yuanba;
import cn.yishi.domain.microgrid.YuanbaRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMicroGrids implements MicroGridStore {
  private static final String YUANBA = "select code, community, name, area from yishi_yuanba";
  private static final String HOLDER = """
      select id, yuanba, role, person_name, phone, user_id, from_date, to_date, start_reason, end_reason, note
      from yishi_yuanba_role""";

  private final JdbcClient jdbc;
  private final Dialect dialect;

  JdbcMicroGrids(JdbcClient jdbc, Dialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  @Override
  public List<Yuanba> all() {
    return jdbc.sql(YUANBA + " order by community, code").query(JdbcMicroGrids::yuanba).list();
  }

  @Override
  public List<Yuanba> inCommunity(String community) {
    return jdbc.sql(YUANBA + " where community = ? order by created_at, code").param(community)
        .query(JdbcMicroGrids::yuanba).list();
  }

  @Override
  public Optional<Yuanba> find(String code) {
    return jdbc.sql(YUANBA + " where code = ?").param(code).query(JdbcMicroGrids::yuanba).optional();
  }

  @Override
  public Optional<Yuanba> lock(String code) {
    return jdbc.sql(YUANBA + " where code = ? for update").param(code).query(JdbcMicroGrids::yuanba).optional();
  }

  @Override
  public long nextNumber() {
    return jdbc.sql(dialect.nextValue("yishi_yuanba_seq")).query(Long.class).single();
  }

  @Override
  public boolean insertIfAbsent(Yuanba y, OffsetDateTime at, String by) {
    return jdbc.sql(dialect.insertIfAbsent("yishi_yuanba", "code, community, name, area, created_at, created_by",
            ":code, :community, :name, :area, :at, :by", "code", ":code"))
        .param("code", y.code()).param("community", y.community()).param("name", y.name()).param("area", y.area())
        .param("at", at).param("by", by).update() == 1;
  }

  @Override
  public List<RoleHolder> holders(String yuanba) {
    return jdbc.sql(HOLDER + " where yuanba = ? order by from_date, id").param(yuanba).query(JdbcMicroGrids::holder).list();
  }

  @Override
  public long insertHolder(RoleHolder h, OffsetDateTime at, String by) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into yishi_yuanba_role (yuanba, role, person_name, phone, user_id, from_date, to_date, start_reason,
              end_reason, note, recorded_at, recorded_by)
            values (:yuanba, :role, :name, :phone, :userId, :from, null, :reason, null, :note, :at, :by)""")
        .param("yuanba", h.yuanba()).param("role", h.role().name()).param("name", h.name()).param("phone", h.phone())
        .param("userId", h.userId()).param("from", h.from()).param("reason", h.startReason().name())
        .param("note", h.note()).param("at", at).param("by", by)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  @Override
  public void endHolder(long id, LocalDate to, ChangeReason reason) {
    jdbc.sql("update yishi_yuanba_role set to_date = ?, end_reason = ? where id = ? and to_date is null")
        .params(to, reason.name(), id).update();
  }

  private static Yuanba yuanba(ResultSet rs, int i) throws SQLException {
    return new Yuanba(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
  }

  private static RoleHolder holder(ResultSet rs, int i) throws SQLException {
    String end = rs.getString(10);
    return new RoleHolder(rs.getLong(1), rs.getString(2), YuanbaRole.valueOf(rs.getString(3)), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
        ChangeReason.valueOf(rs.getString(9)), end == null ? null : ChangeReason.valueOf(end), rs.getString(11));
  }
}
