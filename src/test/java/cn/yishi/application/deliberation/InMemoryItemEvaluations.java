package cn.yishi.application.deliberation;

import cn.yishi.application.port.ItemEvaluationStore;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ItemEvaluationStore} in memory, with the conditional update of a rating as the database does it. */
final class InMemoryItemEvaluations implements ItemEvaluationStore {
  final Map<Long, ItemFacts> items = new LinkedHashMap<>();
  final Map<Long, Evaluation> evaluations = new LinkedHashMap<>();
  /** token → [evaluationId, kind, rater, rating, comment]. */
  final Map<String, Object[]> tokens = new LinkedHashMap<>();
  final Map<Long, OffsetDateTime> reopened = new LinkedHashMap<>();
  private long nextId = 1;

  @Override
  public Optional<ItemFacts> item(long itemId) {
    return Optional.ofNullable(items.get(itemId));
  }

  @Override
  public int lastRound(long itemId) {
    return evaluations.values().stream().filter(e -> e.itemId() == itemId).mapToInt(Evaluation::round).max().orElse(0);
  }

  @Override
  public long insertEvaluation(long itemId, int round, String community, String electorate, OffsetDateTime openedAt,
      OffsetDateTime closesAt, String actor) {
    long id = nextId++;
    evaluations.put(id, new Evaluation(id, itemId, round, community, electorate, "OPEN", openedAt, closesAt, null, null, null));
    return id;
  }

  @Override
  public void insertToken(long evaluationId, String token, String raterKind, String rater) {
    tokens.put(token, new Object[] {evaluationId, raterKind, rater, null, null});
  }

  @Override
  public Optional<Evaluation> evaluation(long evaluationId) {
    return Optional.ofNullable(evaluations.get(evaluationId));
  }

  @Override
  public Optional<Token> token(String token) {
    Object[] t = tokens.get(token);
    return t == null ? Optional.empty() : Optional.of(new Token(0, token, (String) t[1], (String) t[2], t[3] != null,
        evaluations.get((Long) t[0])));
  }

  @Override
  public List<Token> tokens(long evaluationId) {
    return tokens.keySet().stream().map(k -> token(k).orElseThrow()).filter(t -> t.evaluation().id() == evaluationId).toList();
  }

  @Override
  public synchronized boolean rate(String token, int rating, String comment, OffsetDateTime now) {
    Object[] t = tokens.get(token);
    Evaluation e = t == null ? null : evaluations.get((Long) t[0]);
    if (t == null || t[3] != null || !"OPEN".equals(e.status()) || !e.closesAt().isAfter(now)) {
      return false;
    }
    t[3] = rating;
    t[4] = comment;
    return true;
  }

  @Override
  public List<Integer> ratings(long evaluationId) {
    List<Integer> r = new ArrayList<>();
    tokens.values().stream().filter(t -> (Long) t[0] == evaluationId && t[3] != null).forEach(t -> r.add((Integer) t[3]));
    return r;
  }

  @Override
  public boolean close(long evaluationId, String status, int ratings, BigDecimal average, String distribution,
      OffsetDateTime now) {
    Evaluation e = evaluations.get(evaluationId);
    if (!"OPEN".equals(e.status())) {
      return false;
    }
    evaluations.put(evaluationId, new Evaluation(e.id(), e.itemId(), e.round(), e.community(), e.electorate(), status,
        e.openedAt(), e.closesAt(), ratings, average, distribution));
    return true;
  }

  @Override
  public void reopenItem(long itemId, OffsetDateTime deadline) {
    reopened.put(itemId, deadline);
  }

  /** Moves a round's window end (a test of an expired token). */
  void closesAt(long evaluationId, OffsetDateTime t) {
    Evaluation e = evaluations.get(evaluationId);
    evaluations.put(evaluationId, new Evaluation(e.id(), e.itemId(), e.round(), e.community(), e.electorate(), e.status(),
        e.openedAt(), t, e.ratings(), e.average(), e.distribution()));
  }
}
