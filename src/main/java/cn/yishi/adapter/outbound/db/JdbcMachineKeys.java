package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.MachineKeyStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMachineKeys implements MachineKeyStore {
  private static final String COLUMNS = "client, key_digest, channel, issued_at, issued_by";

  private final JdbcClient jdbc;
  private final Dialect dialect;

  JdbcMachineKeys(JdbcClient jdbc, Dialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  @Override
  public Optional<Issued> findByDigest(String digest) {
    return jdbc.sql("select " + COLUMNS + " from yishi_machine_key where key_digest = ?").param(digest)
        .query(JdbcMachineKeys::map).optional();
  }

  @Override
  public Optional<Issued> find(String client) {
    return jdbc.sql("select " + COLUMNS + " from yishi_machine_key where client = ?").param(client)
        .query(JdbcMachineKeys::map).optional();
  }

  @Override
  public List<Issued> all() {
    return jdbc.sql("select " + COLUMNS + " from yishi_machine_key order by client").query(JdbcMachineKeys::map).list();
  }

  @Override
  public void put(Issued key) {
    // an update first: a rotation replaces the digest in place; a first key is inserted (a concurrent first key
    // of the same client inserts nothing, and the update that follows makes this one the client's key)
    if (update(key) == 0) {
      jdbc.sql(dialect.insertIfAbsent("yishi_machine_key", COLUMNS,
              ":client, :digest, :channel, :issuedAt, :issuedBy", "client", ":client"))
          .params(params(key)).update();
      update(key);
    }
  }

  private int update(Issued key) {
    return jdbc.sql("""
            update yishi_machine_key set key_digest = :digest, channel = :channel, issued_at = :issuedAt,
              issued_by = :issuedBy where client = :client""")
        .params(params(key)).update();
  }

  private static Map<String, Object> params(Issued key) {
    return Map.of("client", key.client(), "digest", key.digest(), "channel", key.channel(),
        "issuedAt", key.issuedAt(), "issuedBy", key.issuedBy());
  }

  @Override
  public boolean delete(String client) {
    return jdbc.sql("delete from yishi_machine_key where client = ?").param(client).update() > 0;
  }

  private static Issued map(ResultSet rs, int row) throws SQLException {
    return new Issued(rs.getString("client"), rs.getString("key_digest"), rs.getString("channel"),
        rs.getObject("issued_at", OffsetDateTime.class), rs.getString("issued_by"));
  }
}
