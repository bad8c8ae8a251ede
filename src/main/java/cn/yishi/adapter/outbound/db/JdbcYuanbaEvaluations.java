package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.EvaluationStore;
import cn.yishi.domain.microgrid.EvaluationSubject;
import cn.yishi.domain.microgrid.EvaluationTally;
import cn.yishi.domain.microgrid.Satisfaction;
import cn.yishi.domain.microgrid.YuanbaRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcYuanbaEvaluations implements EvaluationStore {
  private static final String ROUND = """
      select id, yuanba, community, period, electorate, households, opened_at, closes_at, status, sheets, overall_score,
        self_grade, self_text from yishi_yuanba_eval_round""";
  private static final String SUBJECT = """
      select id, round_id, position, kind, role, title, person_name, satisfied, basically, dissatisfied, score,
        satisfaction_rate, verdict, decision, decision_reason from yishi_yuanba_eval_subject""";
  private final JdbcClient jdbc;

  JdbcYuanbaEvaluations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Long> insertRound(String yuanba, String community, String period, String electorate, int households,
      OffsetDateTime openedAt, OffsetDateTime closesAt, String by) {
    KeyHolder keys = new GeneratedKeyHolder();
    int n = jdbc.sql("""
            insert into yishi_yuanba_eval_round (yuanba, community, period, electorate, households, opened_at, closes_at,
              opened_by, status)
            select :yuanba, :community, :period, :electorate, :households, :openedAt, :closesAt, :by, 'OPEN'
            where not exists (select 1 from yishi_yuanba_eval_round where yuanba = :yuanba and period = :period)""")
        .param("yuanba", yuanba).param("community", community).param("period", period).param("electorate", electorate)
        .param("households", households).param("openedAt", openedAt).param("closesAt", closesAt).param("by", by)
        .update(keys, "id");
    return n == 0 ? Optional.empty() : Optional.of(Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue());
  }

  @Override
  public void insertSubject(long roundId, EvaluationSubject s) {
    jdbc.sql("""
            insert into yishi_yuanba_eval_subject (round_id, position, kind, role, title, person_name)
            values (:roundId, :position, :kind, :role, :title, :name)""")
        .param("roundId", roundId).param("position", s.position()).param("kind", s.cadre() ? "CADRE" : "ROLE")
        .param("role", s.role() == null ? null : s.role().name()).param("title", s.title()).param("name", s.name())
        .update();
  }

  @Override
  public void insertToken(long roundId, String household, String token) {
    jdbc.sql("insert into yishi_yuanba_eval_token (token, round_id, household) values (:token, :roundId, :household)")
        .param("token", token).param("roundId", roundId).param("household", household).update();
  }

  @Override
  public Optional<Round> round(long id) {
    return jdbc.sql(ROUND + " where id = :id").param("id", id).query(JdbcYuanbaEvaluations::round).optional();
  }

  @Override
  public Optional<Round> lockRound(long id) {
    return jdbc.sql(ROUND + " where id = :id for update").param("id", id).query(JdbcYuanbaEvaluations::round).optional();
  }

  @Override
  public List<Round> rounds(String yuanba) {
    return jdbc.sql(ROUND + " where yuanba = :yuanba order by opened_at").param("yuanba", yuanba)
        .query(JdbcYuanbaEvaluations::round).list();
  }

  @Override
  public List<EvaluationSubject> subjects(long roundId) {
    return results(roundId).stream().map(SubjectResult::subject).toList();
  }

  @Override
  public List<SubjectResult> results(long roundId) {
    return jdbc.sql(SUBJECT + " where round_id = :roundId order by position").param("roundId", roundId)
        .query(JdbcYuanbaEvaluations::result).list();
  }

  @Override
  public Optional<SubjectResult> result(long subjectId) {
    return jdbc.sql(SUBJECT + " where id = :id").param("id", subjectId).query(JdbcYuanbaEvaluations::result).optional();
  }

  @Override
  public Optional<Long> roundOfSubject(long subjectId) {
    return jdbc.sql("select round_id from yishi_yuanba_eval_subject where id = :id").param("id", subjectId)
        .query(Long.class).optional();
  }

  @Override
  public Optional<Token> token(String token) {
    return jdbc.sql("select token, round_id, household, used_at from yishi_yuanba_eval_token where token = :token")
        .param("token", token).query(JdbcYuanbaEvaluations::token).optional();
  }

  @Override
  public List<Token> tokens(long roundId) {
    return jdbc.sql("select token, round_id, household, used_at from yishi_yuanba_eval_token where round_id = :roundId")
        .param("roundId", roundId).query(JdbcYuanbaEvaluations::token).list();
  }

  @Override
  public boolean useToken(String token, String channel, String actor, OffsetDateTime now) {
    return jdbc.sql("""
            update yishi_yuanba_eval_token set used_at = :now, channel = :channel, entered_by = :actor
            where token = :token and used_at is null
              and round_id in (select id from yishi_yuanba_eval_round where status = 'OPEN' and closes_at > :now)""")
        .param("now", now).param("channel", channel).param("actor", actor).param("token", token).update() == 1;
  }

  @Override
  public void insertAnswers(long roundId, Map<Long, Satisfaction> answers) {
    answers.forEach((subjectId, answer) -> jdbc.sql("""
            insert into yishi_yuanba_eval_answer (round_id, subject_id, answer) values (:roundId, :subjectId, :answer)""")
        .param("roundId", roundId).param("subjectId", subjectId).param("answer", answer.name()).update());
  }

  @Override
  public Map<Long, List<Satisfaction>> answers(long roundId) {
    Map<Long, List<Satisfaction>> m = new LinkedHashMap<>();
    jdbc.sql("select subject_id, answer from yishi_yuanba_eval_answer where round_id = :roundId order by id")
        .param("roundId", roundId).query(rs -> {
          m.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(Satisfaction.valueOf(rs.getString(2)));
        });
    return m;
  }

  @Override
  public int usedTokens(long roundId) {
    return jdbc.sql("select count(*) from yishi_yuanba_eval_token where round_id = :roundId and used_at is not null")
        .param("roundId", roundId).query(Integer.class).single();
  }

  @Override
  public void saveSelfEvaluation(long roundId, String grade, String text, String by, OffsetDateTime at) {
    jdbc.sql("""
            update yishi_yuanba_eval_round set self_grade = :grade, self_text = :text, self_by = :by, self_at = :at
            where id = :id""")
        .param("grade", grade).param("text", text).param("by", by).param("at", at).param("id", roundId).update();
  }

  @Override
  public void close(long roundId, EvaluationTally.Result result, Map<String, Long> subjectIds) {
    for (EvaluationTally.PersonResult p : result.persons()) {
      jdbc.sql("""
              update yishi_yuanba_eval_subject set satisfied = :s, basically = :b, dissatisfied = :d, score = :score,
                satisfaction_rate = :rate, verdict = :verdict where id = :id""")
          .param("s", p.counts().get(Satisfaction.SATISFIED)).param("b", p.counts().get(Satisfaction.BASICALLY_SATISFIED))
          .param("d", p.counts().get(Satisfaction.DISSATISFIED)).param("score", p.score())
          .param("rate", p.satisfactionRate()).param("verdict", p.verdict().name())
          .param("id", subjectIds.get(p.subject())).update();
    }
    jdbc.sql("update yishi_yuanba_eval_round set status = 'CLOSED', sheets = :sheets, overall_score = :score where id = :id")
        .param("sheets", result.sheets()).param("score", result.overallScore()).param("id", roundId).update();
  }

  @Override
  public void decide(long subjectId, String decision, String reason, String by, OffsetDateTime at) {
    jdbc.sql("""
            update yishi_yuanba_eval_subject set decision = :decision, decision_reason = :reason, decided_by = :by,
              decided_at = :at where id = :id""")
        .param("decision", decision).param("reason", reason).param("by", by).param("at", at).param("id", subjectId)
        .update();
  }

  @Override
  public Optional<String> electorate(String yuanba) {
    return jdbc.sql("select electorate from yishi_yuanba where code = :code").param("code", yuanba)
        .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(x -> x);
  }

  @Override
  public void setElectorate(String yuanba, String electorate) {
    jdbc.sql("update yishi_yuanba set electorate = :e where code = :code").param("e", electorate).param("code", yuanba)
        .update();
  }

  private static Round round(ResultSet rs, int n) throws SQLException {
    return new Round(rs.getLong("id"), rs.getString("yuanba"), rs.getString("community"), rs.getString("period"),
        rs.getString("electorate"), rs.getInt("households"), rs.getObject("opened_at", OffsetDateTime.class),
        rs.getObject("closes_at", OffsetDateTime.class), rs.getString("status"), (Integer) rs.getObject("sheets"),
        (Integer) rs.getObject("overall_score"), rs.getString("self_grade"), rs.getString("self_text"));
  }

  private static SubjectResult result(ResultSet rs, int n) throws SQLException {
    String role = rs.getString("role");
    EvaluationSubject s = new EvaluationSubject(rs.getLong("id"), rs.getInt("position"),
        role == null ? null : YuanbaRole.valueOf(role), rs.getString("title"), rs.getString("person_name"));
    return new SubjectResult(s, rs.getInt("satisfied"), rs.getInt("basically"), rs.getInt("dissatisfied"),
        (Integer) rs.getObject("score"), (Integer) rs.getObject("satisfaction_rate"), rs.getString("verdict"),
        rs.getString("decision"), rs.getString("decision_reason"));
  }

  private static Token token(ResultSet rs, int n) throws SQLException {
    return new Token(rs.getString("token"), rs.getLong("round_id"), rs.getString("household"),
        rs.getObject("used_at") != null);
  }
}
