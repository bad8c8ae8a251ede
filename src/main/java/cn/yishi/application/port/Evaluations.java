package cn.yishi.application.port;

import java.time.OffsetDateTime;
import java.util.Optional;

/** Evaluation links and the ratings residents give. */
public interface Evaluations {
  record Token(String token, long caseId, int round, OffsetDateTime expiresAt, OffsetDateTime usedAt) {}

  void insertToken(String token, long caseId, int round, OffsetDateTime now, OffsetDateTime expiresAt);

  Optional<Token> findToken(String token);

  /** The case's newest link (the one of its current round), used or not. */
  Optional<Token> latestToken(long caseId);

  /** Marks the token used; false when it was already used (a second submission). */
  boolean markUsed(String token, OffsetDateTime now);

  void insertEvaluation(long caseId, int round, int satisfaction, String comment, String source, String actor, OffsetDateTime now);
}
