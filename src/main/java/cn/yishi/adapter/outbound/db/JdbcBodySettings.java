package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.BodySettingsStore;
import cn.yishi.domain.deliberation.BodySettings;
import cn.yishi.domain.deliberation.PartyModel;
import cn.yishi.domain.deliberation.StandingParty;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** yishi_body_settings and its audit yishi_body_settings_change (V23). Days and parties are stored joined by commas. */
@Repository
class JdbcBodySettings implements BodySettingsStore {
  private static final String COLUMNS =
      "body_key, place, fixed_days, party_model, standing_parties, active, version, updated_by, updated_at";

  private final JdbcClient jdbc;
  private final Dialect dialect;

  JdbcBodySettings(JdbcClient jdbc, Dialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  @Override
  public Map<String, Stored> all() {
    Map<String, Stored> m = new LinkedHashMap<>();
    jdbc.sql("select " + COLUMNS + " from yishi_body_settings order by body_key").query(JdbcBodySettings::map).list()
        .forEach(s -> m.put(s.settings().bodyKey(), s));
    return m;
  }

  @Override
  public Optional<Stored> find(String bodyKey) {
    return jdbc.sql("select " + COLUMNS + " from yishi_body_settings where body_key = ?").param(bodyKey)
        .query(JdbcBodySettings::map).optional();
  }

  @Override
  public boolean insert(BodySettings s, String action, String actor, OffsetDateTime now) {
    int n = jdbc.sql(dialect.insertIfAbsent("yishi_body_settings",
            "body_key, place, fixed_days, party_model, standing_parties, active, version, updated_at, updated_by",
            ":key, :place, :days, :model, :parties, :active, 0, :now, :actor", "body_key", ":key"))
        .param("key", s.bodyKey()).param("place", s.place()).param("days", days(s)).param("model", s.model().name())
        .param("parties", parties(s)).param("active", s.active()).param("now", now).param("actor", actor)
        .update();
    if (n > 0) {
      audit(s.bodyKey(), action, actor, now);
    }
    return n > 0;
  }

  @Override
  public boolean update(BodySettings s, int version, String actor, OffsetDateTime now) {
    int n = jdbc.sql("""
            update yishi_body_settings set place = :place, fixed_days = :days, party_model = :model,
              standing_parties = :parties, active = :active, version = version + 1, updated_at = :now, updated_by = :actor
            where body_key = :key and version = :version""")
        .param("key", s.bodyKey()).param("place", s.place()).param("days", days(s)).param("model", s.model().name())
        .param("parties", parties(s)).param("active", s.active()).param("now", now).param("actor", actor)
        .param("version", version)
        .update();
    if (n > 0) {
      audit(s.bodyKey(), "EDITED", actor, now);
    }
    return n > 0;
  }

  @Override
  public List<Change> changes(String bodyKey) {
    return jdbc.sql("""
            select body_key, action, changed_by, changed_at, summary from yishi_body_settings_change
            where body_key = ? order by changed_at, id""")
        .param(bodyKey)
        .query((rs, row) -> new Change(rs.getString("body_key"), rs.getString("action"), rs.getString("changed_by"),
            rs.getObject("changed_at", OffsetDateTime.class), rs.getString("summary")))
        .list();
  }

  @Override
  public boolean claimSeed(OffsetDateTime now) {
    return jdbc.sql(dialect.insertIfAbsent("yishi_body_seed", "id, seeded_at", "1, :now", "id", "1"))
        .param("now", now).update() > 0;
  }

  /** The settings as they are after the change, in words. */
  private void audit(String key, String action, String actor, OffsetDateTime now) {
    BodySettings s = find(key).orElseThrow().settings();
    String summary = "地点：" + (s.place() == null ? "（议事机构名称）" : s.place()) + "｜固定议事日：" + s.fixedDaysText()
        + "｜协商主体：" + s.model().label() + "（" + String.join("、", s.parties().stream().map(StandingParty::label).toList())
        + "）" + (s.active() ? "" : "｜已停用");
    jdbc.sql("""
            insert into yishi_body_settings_change (body_key, action, changed_by, changed_at, summary)
            values (:key, :action, :actor, :now, :summary)""")
        .param("key", key).param("action", action).param("actor", actor).param("now", now)
        .param("summary", summary.length() > 2000 ? summary.substring(0, 2000) : summary)
        .update();
  }

  private static String days(BodySettings s) {
    return String.join(",", s.fixedDays().stream().map(String::valueOf).toList());
  }

  private static String parties(BodySettings s) {
    return String.join(",", s.parties().stream().map(Enum::name).toList());
  }

  private static Stored map(ResultSet rs, int row) throws SQLException {
    List<Integer> days = Arrays.stream(rs.getString("fixed_days").split(",")).map(String::strip).map(Integer::valueOf).toList();
    List<StandingParty> parties = Arrays.stream(rs.getString("standing_parties").split(",")).map(String::strip)
        .map(StandingParty::of).flatMap(Optional::stream).toList();
    PartyModel model = PartyModel.of(rs.getString("party_model")).orElse(PartyModel.FIVE_PARTIES);
    return new Stored(new BodySettings(rs.getString("body_key"), rs.getString("place"), days, model,
        parties.isEmpty() ? model.parties() : parties, rs.getBoolean("active"), rs.getInt("version")),
        rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class));
  }
}
