package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.Evaluations;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcEvaluations implements Evaluations {
  private final JdbcClient jdbc;

  JdbcEvaluations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insertToken(String token, long caseId, int round, OffsetDateTime now, OffsetDateTime expiresAt) {
    jdbc.sql("""
            insert into yishi_evaluation_token (token, case_id, round, created_at, expires_at)
            values (:token, :caseId, :round, :now, :expires)""")
        .param("token", token).param("caseId", caseId).param("round", round)
        .param("now", now).param("expires", expiresAt).update();
  }

  @Override
  public Optional<Token> findToken(String token) {
    return jdbc.sql("select token, case_id, round, expires_at, used_at from yishi_evaluation_token where token = :token")
        .param("token", token)
        .query((rs, n) -> new Token(rs.getString(1), rs.getLong(2), rs.getInt(3),
            rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)))
        .optional();
  }

  @Override
  public Optional<Token> latestToken(long caseId) {
    return jdbc.sql("""
            select token, case_id, round, expires_at, used_at from yishi_evaluation_token
            where case_id = :caseId order by created_at desc, round desc fetch first 1 rows only""")
        .param("caseId", caseId)
        .query((rs, n) -> new Token(rs.getString(1), rs.getLong(2), rs.getInt(3),
            rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)))
        .stream().findFirst();
  }

  @Override
  public boolean markUsed(String token, OffsetDateTime now) {
    return jdbc.sql("update yishi_evaluation_token set used_at = :now where token = :token and used_at is null")
        .param("now", now).param("token", token).update() == 1;
  }

  @Override
  public void insertEvaluation(long caseId, int round, int satisfaction, String comment, String source, String actor, OffsetDateTime now) {
    jdbc.sql("""
            insert into yishi_evaluation (case_id, round, satisfaction, comment, source, actor, created_at)
            values (:caseId, :round, :satisfaction, :comment, :source, :actor, :now)""")
        .param("caseId", caseId).param("round", round).param("satisfaction", satisfaction)
        .param("comment", comment).param("source", source).param("actor", actor).param("now", now)
        .update();
  }
}
