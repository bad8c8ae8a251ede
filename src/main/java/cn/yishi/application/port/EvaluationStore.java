package cn.yishi.application.port;

import cn.yishi.domain.microgrid.EvaluationSubject;
import cn.yishi.domain.microgrid.EvaluationTally;
import cn.yishi.domain.microgrid.Satisfaction;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** 双向评价 rounds: their persons rated, the households' tokens and the answers (never linked to a token). */
public interface EvaluationStore {
  /** A round; {@code status} OPEN or CLOSED; the self-evaluation's fields null until given. */
  record Round(long id, String yuanba, String community, String period, String electorate, int households,
      OffsetDateTime openedAt, OffsetDateTime closesAt, String status, Integer sheets, Integer overallScore,
      String selfGrade, String selfText) {}

  /** A person's stored result and the township's decision (null until decided). */
  record SubjectResult(EvaluationSubject subject, int satisfied, int basically, int dissatisfied, Integer score,
      Integer satisfactionRate, String verdict, String decision, String decisionReason) {}

  /** A token of a round and whether it has been used. */
  record Token(String token, long roundId, String household, boolean used) {}

  /** Stores a round unless the 院坝 has one in this period; its id, empty when it has one. */
  Optional<Long> insertRound(String yuanba, String community, String period, String electorate, int households,
      OffsetDateTime openedAt, OffsetDateTime closesAt, String by);

  void insertSubject(long roundId, EvaluationSubject subject);

  void insertToken(long roundId, String household, String token);

  Optional<Round> round(long id);

  /** The round, its row locked until the transaction ends. */
  Optional<Round> lockRound(long id);

  List<Round> rounds(String yuanba);

  List<EvaluationSubject> subjects(long roundId);

  List<SubjectResult> results(long roundId);

  Optional<SubjectResult> result(long subjectId);

  /** The round of a subject. */
  Optional<Long> roundOfSubject(long subjectId);

  Optional<Token> token(String token);

  List<Token> tokens(long roundId);

  /**
   * Marks the token used if it is unused and its round open until after {@code now}; whether it was (one submission per
   * token, also when two arrive at once).
   */
  boolean useToken(String token, String channel, String actor, OffsetDateTime now);

  /** The answers of one sheet, by subject id, without the token. */
  void insertAnswers(long roundId, Map<Long, Satisfaction> answers);

  /** Every answer of the round, as one sheet per household would give them: subject id → answers. */
  Map<Long, List<Satisfaction>> answers(long roundId);

  int usedTokens(long roundId);

  void saveSelfEvaluation(long roundId, String grade, String text, String by, OffsetDateTime at);

  void close(long roundId, EvaluationTally.Result result, Map<String, Long> subjectIds);

  void decide(long subjectId, String decision, String reason, String by, OffsetDateTime at);

  /** The 院坝's stored electorate (compound[/building[/unit]]), if any. */
  Optional<String> electorate(String yuanba);

  void setElectorate(String yuanba, String electorate);
}
