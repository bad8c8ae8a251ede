package cn.yishi.application.port;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * 民事民评 of resolution items: the rounds ({@code yishi_item_evaluation}) and one token per rater ({@code
 * yishi_item_rating}, V24). A rating is written by one conditional update per token.
 */
public interface ItemEvaluationStore {
  /**
   * A resolution item as the evaluation reads it: its topic's community and session, its case (none for a community
   * matter), the measure, the unit, and what the unit reported done.
   */
  record ItemFacts(long itemId, long meetingId, Long sessionId, Long caseId, String caseNo, String title, String community,
      String unit, String measure, String status, String note, OffsetDateTime completedAt) {}

  /** One round of an item's evaluation. */
  record Evaluation(long id, long itemId, int round, String community, String electorate, String status,
      OffsetDateTime openedAt, OffsetDateTime closesAt, Integer ratings, BigDecimal average, String distribution) {}

  /** A rater's token: whether it was used, and its round. */
  record Token(long ratingId, String token, String raterKind, String rater, boolean used, Evaluation evaluation) {}

  Optional<ItemFacts> item(long itemId);

  /** The highest round of the item so far, 0 for none. */
  int lastRound(long itemId);

  long insertEvaluation(long itemId, int round, String community, String electorate, OffsetDateTime openedAt,
      OffsetDateTime closesAt, String actor);

  void insertToken(long evaluationId, String token, String raterKind, String rater);

  Optional<Evaluation> evaluation(long evaluationId);

  Optional<Token> token(String token);

  /** Every token of a round, participants first, households in register order. */
  List<Token> tokens(long evaluationId);

  /**
   * Stores a rating unless the token was used or its round is no longer open or past {@code now}: one conditional
   * update. Returns whether this call stored it.
   */
  boolean rate(String token, int rating, String comment, OffsetDateTime now);

  /** The ratings of a round. */
  List<Integer> ratings(long evaluationId);

  /** Closes an OPEN round with its result; false when it was already closed. */
  boolean close(long evaluationId, String status, int ratings, BigDecimal average, String distribution, OffsetDateTime now);

  /** The item goes back to its unit: OPEN again with a new deadline. */
  void reopenItem(long itemId, OffsetDateTime deadline);

}
