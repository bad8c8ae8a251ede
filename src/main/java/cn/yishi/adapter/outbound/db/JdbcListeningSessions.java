package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.ListeningSessions;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcListeningSessions implements ListeningSessions {
  private final JdbcClient jdbc;
  private final Dialect dialect;

  JdbcListeningSessions(JdbcClient jdbc, Dialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  @Override
  public boolean recordIfAbsent(Session s) {
    String sql = dialect.insertIfAbsent("yishi_listening_session",
        "session_key, process_instance_id, community, listening_date, residents_received, issue_count, case_nos, note,"
            + " recorded_by, recorded_at",
        ":key, :pi, :community, :date, :residents, :issues, :caseNos, :note, :actor, :at",
        "session_key", ":key");
    return jdbc.sql(sql)
        .param("key", s.sessionKey()).param("pi", s.processInstanceId()).param("community", s.community())
        .param("date", s.listeningDate()).param("residents", s.residentsReceived()).param("issues", s.issueCount())
        .param("caseNos", s.caseNos().isEmpty() ? null : String.join(",", s.caseNos()))
        .param("note", s.note()).param("actor", s.recordedBy()).param("at", s.recordedAt())
        .update() == 1;
  }

  @Override
  public Optional<Session> find(String sessionKey) {
    return jdbc.sql("""
            select session_key, process_instance_id, community, listening_date, residents_received, issue_count,
              case_nos, note, recorded_by, recorded_at
            from yishi_listening_session where session_key = :key""")
        .param("key", sessionKey)
        .query((rs, n) -> new Session(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getInt(6), caseNos(rs.getString(7)), rs.getString(8),
            rs.getString(9), rs.getObject(10, OffsetDateTime.class)))
        .optional();
  }

  private static List<String> caseNos(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }
}
