package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.PointsStore;
import cn.yishi.domain.points.AwarderRole;
import cn.yishi.domain.points.EntryKind;
import cn.yishi.domain.points.LedgerPerson;
import cn.yishi.domain.points.PointsEntry;
import cn.yishi.domain.points.PointsRule;
import cn.yishi.domain.points.ShopItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The points tables (V18). Ledger entries are only inserted. Balance and stock change by conditional updates
 * ({@code … where balance + :delta >= 0}, {@code … where stock >= :quantity}) after the person's row is locked
 * ({@code select … for update}), which H2 and PostgreSQL both honour.
 */
@Repository
class JdbcPointsStore implements PointsStore {
  private static final String PERSON = "id, community, name, household, compound, publish_name, pseudonym, balance";
  private static final String ITEM = "id, community, name, price, stock, active";
  private static final String ENTRY = "id, person_id, community, kind, points, reason, corrects_entry_id, recorded_by, recorded_at";
  private static final String AWARD = "id, community, person_id, rule_code, reason, points, evidence, proposed_by,"
      + " proposed_at, status, decided_by, decision_comment";
  private static final String REDEMPTION = "id, community, person_id, item_id, item_name, quantity, points, recorded_by,"
      + " recorded_at";

  private final JdbcClient jdbc;
  private final Dialect dialect;

  JdbcPointsStore(JdbcClient jdbc, Dialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  @Override
  public List<PointsRule> rules(String community) {
    return jdbc.sql("select community, code, reason, points, awarded_by, active from yishi_points_rule"
        + " where community = ? order by active desc, code").param(community).query(JdbcPointsStore::rule).list();
  }

  @Override
  public Optional<PointsRule> rule(String community, String code) {
    return jdbc.sql("select community, code, reason, points, awarded_by, active from yishi_points_rule"
        + " where community = ? and code = ?").param(community).param(code).query(JdbcPointsStore::rule).optional();
  }

  @Override
  public void saveRule(PointsRule rule, String by, OffsetDateTime at) {
    Map<String, Object> p = new HashMap<>();
    p.put("community", rule.community());
    p.put("code", rule.code());
    p.put("reason", rule.reason());
    p.put("points", rule.points());
    p.put("awardedBy", rule.awardedBy().stream().sorted().map(AwarderRole::code).collect(Collectors.joining(",")));
    p.put("active", rule.active());
    p.put("at", at);
    p.put("by", by);
    int updated = jdbc.sql("update yishi_points_rule set reason = :reason, points = :points, awarded_by = :awardedBy,"
        + " active = :active, updated_at = :at, updated_by = :by where community = :community and code = :code")
        .params(p).update();
    if (updated == 0) {
      jdbc.sql("insert into yishi_points_rule (community, code, reason, points, awarded_by, active, updated_at, updated_by)"
          + " values (:community, :code, :reason, :points, :awardedBy, :active, :at, :by)").params(p).update();
    }
  }

  @Override
  public List<ShopItem> items(String community) {
    return jdbc.sql("select " + ITEM + " from yishi_points_item where community = ? order by active desc, price, id")
        .param(community).query(JdbcPointsStore::item).list();
  }

  @Override
  public Optional<ShopItem> item(long id) {
    return jdbc.sql("select " + ITEM + " from yishi_points_item where id = ?").param(id).query(JdbcPointsStore::item).optional();
  }

  @Override
  public long addItem(ShopItem item, String by, OffsetDateTime at) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into yishi_points_item (community, name, price, stock, active, updated_at, updated_by)"
            + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(item.community(), item.name(), item.price(), item.stock(), item.active(), at, by)
        .update(keys, "id");
    return key(keys);
  }

  @Override
  public void updateItem(ShopItem item, String by, OffsetDateTime at) {
    jdbc.sql("update yishi_points_item set name = ?, price = ?, stock = ?, active = ?, updated_at = ?, updated_by = ?"
            + " where id = ?")
        .params(item.name(), item.price(), item.stock(), item.active(), at, by, item.id()).update();
  }

  @Override
  public boolean takeStock(long itemId, int quantity) {
    return jdbc.sql("update yishi_points_item set stock = stock - ? where id = ? and active = true and stock >= ?")
        .params(quantity, itemId, quantity).update() == 1;
  }

  @Override
  public List<LedgerPerson> persons(String community) {
    return jdbc.sql("select " + PERSON + " from yishi_points_person where community = ? order by id")
        .param(community).query(JdbcPointsStore::person).list();
  }

  @Override
  public Optional<LedgerPerson> person(long id) {
    return jdbc.sql("select " + PERSON + " from yishi_points_person where id = ?").param(id)
        .query(JdbcPointsStore::person).optional();
  }

  @Override
  public Optional<LedgerPerson> lockPerson(long id) {
    return jdbc.sql("select " + PERSON + " from yishi_points_person where id = ? for update").param(id)
        .query(JdbcPointsStore::person).optional();
  }

  @Override
  public boolean pseudonymTaken(String community, String pseudonym, long exceptPersonId) {
    return jdbc.sql("select count(*) from yishi_points_person where community = ? and pseudonym = ? and id <> ?")
        .params(community, pseudonym, exceptPersonId).query(Long.class).single() > 0;
  }

  @Override
  public long addPerson(LedgerPerson p, String by, OffsetDateTime at) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into yishi_points_person (community, name, household, compound, publish_name, pseudonym, balance,"
            + " created_at, created_by) values (?, ?, ?, ?, ?, ?, 0, ?, ?)")
        .params(p.community(), p.name(), p.household(), p.compound(), p.publishName(), p.pseudonym(), at, by)
        .update(keys, "id");
    return key(keys);
  }

  @Override
  public void updatePerson(LedgerPerson p) {
    jdbc.sql("update yishi_points_person set name = ?, household = ?, compound = ?, publish_name = ?, pseudonym = ?"
            + " where id = ?")
        .params(p.name(), p.household(), p.compound(), p.publishName(), p.pseudonym(), p.id()).update();
  }

  @Override
  public boolean changeBalance(long personId, int delta) {
    return jdbc.sql("update yishi_points_person set balance = balance + ? where id = ? and balance + ? >= 0")
        .params(delta, personId, delta).update() == 1;
  }

  @Override
  public long addAward(Award a, String processInstanceId) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into yishi_points_award (community, person_id, rule_code, reason, points, evidence, proposed_by,"
            + " proposed_at, process_instance_id, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED')")
        .params(a.community(), a.personId(), a.ruleCode(), a.reason(), a.points(), a.evidence(), a.proposedBy(),
            a.proposedAt(), processInstanceId)
        .update(keys, "id");
    return key(keys);
  }

  @Override
  public Optional<Award> award(long id) {
    return jdbc.sql("select " + AWARD + " from yishi_points_award where id = ?").param(id).query((rs, n) -> new Award(
        rs.getLong("id"), rs.getString("community"), rs.getLong("person_id"), rs.getString("rule_code"),
        rs.getString("reason"), rs.getInt("points"), rs.getString("evidence"), rs.getString("proposed_by"),
        rs.getObject("proposed_at", OffsetDateTime.class), rs.getString("status"), rs.getString("decided_by"),
        rs.getString("decision_comment"))).optional();
  }

  @Override
  public boolean decideAward(long id, boolean approved, String by, OffsetDateTime at, String comment) {
    return jdbc.sql("update yishi_points_award set status = ?, decided_by = ?, decided_at = ?, decision_comment = ?"
            + " where id = ? and status = 'PROPOSED'")
        .params(approved ? "APPROVED" : "REJECTED", by, at, comment, id).update() == 1;
  }

  @Override
  public Optional<Long> addRedemption(Redemption r, String requestKey) {
    KeyHolder keys = new GeneratedKeyHolder();
    int inserted;
    try {
      inserted = jdbc.sql(dialect.insertIfAbsent("yishi_points_redemption",
              "community, person_id, item_id, item_name, quantity, points, request_key, recorded_by, recorded_at",
              ":community, :person, :item, :itemName, :quantity, :points, :key, :by, :at", "request_key", ":key"))
          .param("community", r.community()).param("person", r.personId()).param("item", r.itemId())
          .param("itemName", r.itemName()).param("quantity", r.quantity()).param("points", r.points())
          .param("key", requestKey).param("by", r.recordedBy()).param("at", r.recordedAt())
          .update(keys, "id");
    } catch (DuplicateKeyException e) {
      // H2: a concurrent insert of the same key (PostgreSQL answers "on conflict do nothing" instead)
      return Optional.empty();
    }
    return inserted == 1 ? Optional.of(key(keys)) : Optional.empty();
  }

  @Override
  public Optional<Redemption> redemptionByKey(String requestKey) {
    return jdbc.sql("select " + REDEMPTION + " from yishi_points_redemption where request_key = ?").param(requestKey)
        .query((rs, n) -> new Redemption(rs.getLong("id"), rs.getString("community"), rs.getLong("person_id"),
            rs.getLong("item_id"), rs.getString("item_name"), rs.getInt("quantity"), rs.getInt("points"),
            rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class))).optional();
  }

  @Override
  public long appendEntry(long personId, String community, EntryKind kind, int points, String reason, Long awardId,
      Long redemptionId, Long correctsEntryId, String by, OffsetDateTime at) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into yishi_points_entry (community, person_id, kind, points, reason, award_id, redemption_id,"
            + " corrects_entry_id, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(community, personId, kind.name(), points, reason, awardId, redemptionId, correctsEntryId, by, at)
        .update(keys, "id");
    return key(keys);
  }

  @Override
  public Optional<PointsEntry> entry(long id) {
    return jdbc.sql("select " + ENTRY + " from yishi_points_entry where id = ?").param(id)
        .query(JdbcPointsStore::entry).optional();
  }

  @Override
  public List<PointsEntry> entries(long personId, int limit) {
    return jdbc.sql("select " + ENTRY + " from yishi_points_entry where person_id = ? order by id desc limit " + limit)
        .param(personId).query(JdbcPointsStore::entry).list();
  }

  @Override
  public List<PointsEntry> recentEntries(String community, List<EntryKind> kinds, int limit) {
    return jdbc.sql("select " + ENTRY + " from yishi_points_entry where community = :community and kind in (:kinds)"
            + " order by id desc limit " + limit)
        .param("community", community).param("kinds", kinds.stream().map(Enum::name).toList())
        .query(JdbcPointsStore::entry).list();
  }

  @Override
  public boolean markSeeded(String community, OffsetDateTime at) {
    return jdbc.sql(dialect.insertIfAbsent("yishi_points_seeded", "community, seeded_at", ":community, :at",
            "community", ":community"))
        .param("community", community).param("at", at).update() == 1;
  }

  private static long key(KeyHolder keys) {
    return java.util.Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
  }

  private static PointsRule rule(ResultSet rs, int n) throws SQLException {
    Set<AwarderRole> roles = new LinkedHashSet<>();
    Arrays.stream(rs.getString("awarded_by").split(",")).map(String::strip)
        .forEach(code -> AwarderRole.ofCode(code).ifPresent(roles::add));
    return new PointsRule(rs.getString("community"), rs.getString("code"), rs.getString("reason"), rs.getInt("points"),
        roles, rs.getBoolean("active"));
  }

  private static ShopItem item(ResultSet rs, int n) throws SQLException {
    return new ShopItem(rs.getLong("id"), rs.getString("community"), rs.getString("name"), rs.getInt("price"),
        rs.getInt("stock"), rs.getBoolean("active"));
  }

  private static LedgerPerson person(ResultSet rs, int n) throws SQLException {
    return new LedgerPerson(rs.getLong("id"), rs.getString("community"), rs.getString("name"), rs.getString("household"),
        rs.getString("compound"), rs.getBoolean("publish_name"), rs.getString("pseudonym"), rs.getInt("balance"));
  }

  private static PointsEntry entry(ResultSet rs, int n) throws SQLException {
    long corrects = rs.getLong("corrects_entry_id");
    Long c = rs.wasNull() ? null : corrects;
    return new PointsEntry(rs.getLong("id"), rs.getLong("person_id"), rs.getString("community"),
        EntryKind.valueOf(rs.getString("kind")), rs.getInt("points"), rs.getString("reason"), c,
        rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class));
  }
}
