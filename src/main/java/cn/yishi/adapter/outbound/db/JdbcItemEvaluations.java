package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.ItemEvaluationStore;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** {@code yishi_item_evaluation} and {@code yishi_item_rating} (V24). */
@Repository
class JdbcItemEvaluations implements ItemEvaluationStore {
  private static final String EVALUATION = """
      e.id, e.item_id, e.round, e.community, e.electorate, e.status, e.opened_at, e.closes_at, e.ratings, e.average,
      e.distribution""";
  private final JdbcClient jdbc;

  JdbcItemEvaluations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<ItemFacts> item(long itemId) {
    return jdbc.sql("""
            select ri.id, ri.meeting_id, ri.session_id, ri.case_id, c.case_no, coalesce(c.title, m.title), m.community,
                   ri.unit, ri.measure, ri.status, ri.note, ri.completed_at
            from yishi_resolution_item ri join yishi_meeting m on m.id = ri.meeting_id
            left join yishi_case c on c.id = ri.case_id where ri.id = :id""")
        .param("id", itemId)
        .query((rs, n) -> new ItemFacts(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class),
            (Long) rs.getObject(4, Long.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getString(9), rs.getString(10), rs.getString(11), rs.getObject(12, OffsetDateTime.class)))
        .optional();
  }

  @Override
  public int lastRound(long itemId) {
    return jdbc.sql("select coalesce(max(round), 0) from yishi_item_evaluation where item_id = :id").param("id", itemId)
        .query(Integer.class).single();
  }

  @Override
  public long insertEvaluation(long itemId, int round, String community, String electorate, OffsetDateTime openedAt,
      OffsetDateTime closesAt, String actor) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into yishi_item_evaluation (item_id, round, community, electorate, status, opened_at, closes_at, opened_by)
            values (:item, :round, :community, :electorate, 'OPEN', :opened, :closes, :actor)""")
        .param("item", itemId).param("round", round).param("community", community).param("electorate", electorate)
        .param("opened", openedAt).param("closes", closesAt).param("actor", actor)
        .update(keys, "id");
    return Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
  }

  @Override
  public void insertToken(long evaluationId, String token, String raterKind, String rater) {
    jdbc.sql("insert into yishi_item_rating (evaluation_id, token, rater_kind, rater) values (:e, :t, :k, :r)")
        .param("e", evaluationId).param("t", token).param("k", raterKind).param("r", rater).update();
  }

  @Override
  public Optional<Evaluation> evaluation(long evaluationId) {
    return jdbc.sql("select " + EVALUATION + " from yishi_item_evaluation e where e.id = :id").param("id", evaluationId)
        .query((rs, n) -> evaluation(rs, 0)).optional();
  }

  @Override
  public Optional<Token> token(String token) {
    return jdbc.sql("select r.id, r.token, r.rater_kind, r.rater, r.rating, " + EVALUATION
            + " from yishi_item_rating r join yishi_item_evaluation e on e.id = r.evaluation_id where r.token = :t")
        .param("t", token).query((rs, n) -> token(rs)).optional();
  }

  @Override
  public List<Token> tokens(long evaluationId) {
    return jdbc.sql("select r.id, r.token, r.rater_kind, r.rater, r.rating, " + EVALUATION
            + " from yishi_item_rating r join yishi_item_evaluation e on e.id = r.evaluation_id"
            + " where e.id = :id order by r.rater_kind desc, r.id")
        .param("id", evaluationId).query((rs, n) -> token(rs)).list();
  }

  @Override
  public boolean rate(String token, int rating, String comment, OffsetDateTime now) {
    return jdbc.sql("""
            update yishi_item_rating set rating = :rating, comment = :comment, rated_at = :now
            where token = :token and rating is null and evaluation_id in (
              select id from yishi_item_evaluation where status = 'OPEN' and closes_at > :now)""")
        .param("rating", rating).param("comment", comment).param("now", now).param("token", token).update() == 1;
  }

  @Override
  public List<Integer> ratings(long evaluationId) {
    return jdbc.sql("select rating from yishi_item_rating where evaluation_id = :id and rating is not null order by id")
        .param("id", evaluationId).query(Integer.class).list();
  }

  @Override
  public boolean close(long evaluationId, String status, int ratings, BigDecimal average, String distribution,
      OffsetDateTime now) {
    return jdbc.sql("""
            update yishi_item_evaluation set status = :status, ratings = :ratings, average = :average,
              distribution = :distribution, closed_at = :now where id = :id and status = 'OPEN'""")
        .param("status", status).param("ratings", ratings).param("average", average).param("distribution", distribution)
        .param("now", now).param("id", evaluationId).update() == 1;
  }

  @Override
  public void reopenItem(long itemId, OffsetDateTime deadline) {
    jdbc.sql("""
            update yishi_resolution_item set status = 'OPEN', completed_at = null, deadline = :deadline
            where id = :id and status = 'DONE'""")
        .param("deadline", deadline).param("id", itemId).update();
  }

  private static Token token(ResultSet rs) throws SQLException {
    return new Token(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5) != null,
        evaluation(rs, 5));
  }

  private static Evaluation evaluation(ResultSet rs, int offset) throws SQLException {
    Object ratings = rs.getObject(offset + 9);
    return new Evaluation(rs.getLong(offset + 1), rs.getLong(offset + 2), rs.getInt(offset + 3), rs.getString(offset + 4),
        rs.getString(offset + 5), rs.getString(offset + 6), rs.getObject(offset + 7, OffsetDateTime.class),
        rs.getObject(offset + 8, OffsetDateTime.class), ratings == null ? null : ((Number) ratings).intValue(),
        rs.getBigDecimal(offset + 10), rs.getString(offset + 11));
  }
}
