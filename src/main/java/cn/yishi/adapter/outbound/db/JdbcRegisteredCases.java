package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.RegisteredCases;
import cn.yishi.domain.casefile.CaseStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads only the receipt's columns of {@code yishi_case}; the reporters' table is never touched. */
@Repository
class JdbcRegisteredCases implements RegisteredCases {
  private static final String SELECT =
      "select case_no, created_at, category, title, community, status, created_by from yishi_case ";

  private final JdbcClient jdbc;

  JdbcRegisteredCases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Registered> findByProcessInstance(String processInstanceId) {
    return jdbc.sql(SELECT + "where process_instance_id = :pi").param("pi", processInstanceId)
        .query(JdbcRegisteredCases::map).optional();
  }

  @Override
  public Optional<Registered> findByCaseNo(String caseNo) {
    return jdbc.sql(SELECT + "where case_no = :caseNo").param("caseNo", caseNo)
        .query(JdbcRegisteredCases::map).optional();
  }

  @Override
  public List<Registered> findRegisteredBy(String userId, int limit) {
    return jdbc.sql(SELECT + "where created_by = :user order by created_at desc, id desc limit " + Math.max(0, limit))
        .param("user", userId)
        .query(JdbcRegisteredCases::map).list();
  }

  private static Registered map(ResultSet rs, int row) throws SQLException {
    return new Registered(rs.getString("case_no"), rs.getObject("created_at", OffsetDateTime.class),
        rs.getString("category"), rs.getString("title"), rs.getString("community"),
        CaseStatus.valueOf(rs.getString("status")), rs.getString("created_by"));
  }
}
