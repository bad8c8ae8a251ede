package cn.yishi.domain.microgrid;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of one 双向评价 round of one 院坝: per person rated (the 一长三员 and the cadres who serve them) the count of
 * each answer, the score (the mean of the answers' points, 0–100) and the satisfaction rate (满意 and 基本满意 among all
 * answers); a person is 不及格 when the score is below {@link #PASS_MARK} with at least {@link #MIN_RATINGS} answers, and
 * not judged with fewer (too few households answered to replace anyone on it). The sheets are counted, never kept with
 * who filled them in: the result says nothing of who rated whom.
 */
public final class EvaluationTally {
  /** The pass mark ("及格"), as in Chinese school grading. */
  public static final int PASS_MARK = 60;
  /** The fewest answers on which a person is judged. */
  public static final int MIN_RATINGS = 5;

  private EvaluationTally() {}

  public enum Verdict {
    PASS("及格"),
    FAIL("不及格"),
    TOO_FEW("评价人数不足");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One person's result. {@code score} and {@code satisfactionRate} are null without answers. */
  public record PersonResult(String subject, Map<Satisfaction, Integer> counts, int answers, Integer score,
      Integer satisfactionRate, Verdict verdict) {}

  /** The 院坝's result: every person's, the sheets counted, and the overall score over all answers. */
  public record Result(List<PersonResult> persons, int sheets, Integer overallScore) {
    public List<PersonResult> failing() {
      return persons.stream().filter(p -> p.verdict() == Verdict.FAIL).toList();
    }
  }

  /**
   * @param subjects the persons rated, in the order to report them
   * @param sheets one map per sheet (a household's phone answer or a paper sheet): subject → answer; a subject left
   *     blank on a sheet counts as no answer; a subject not in {@code subjects} is ignored
   */
  public static Result tally(List<String> subjects, List<Map<String, Satisfaction>> sheets) {
    Map<String, Map<Satisfaction, Integer>> counts = new LinkedHashMap<>();
    subjects.forEach(s -> counts.put(s, new EnumMap<>(Satisfaction.class)));
    for (Map<String, Satisfaction> sheet : sheets) {
      sheet.forEach((subject, answer) -> {
        Map<Satisfaction, Integer> c = counts.get(subject);
        if (c != null && answer != null) {
          c.merge(answer, 1, Integer::sum);
        }
      });
    }
    List<PersonResult> persons = new ArrayList<>();
    long allPoints = 0;
    int allAnswers = 0;
    for (Map.Entry<String, Map<Satisfaction, Integer>> e : counts.entrySet()) {
      int answers = 0;
      long points = 0;
      int satisfied = 0;
      for (Satisfaction s : Satisfaction.values()) {
        int n = e.getValue().getOrDefault(s, 0);
        answers += n;
        points += (long) n * s.points();
        if (s != Satisfaction.DISSATISFIED) {
          satisfied += n;
        }
      }
      allPoints += points;
      allAnswers += answers;
      Integer score = answers == 0 ? null : (int) Math.round((double) points / answers);
      Integer rate = answers == 0 ? null : (int) Math.round(100.0 * satisfied / answers);
      Verdict verdict = answers < MIN_RATINGS ? Verdict.TOO_FEW : score < PASS_MARK ? Verdict.FAIL : Verdict.PASS;
      Map<Satisfaction, Integer> full = new EnumMap<>(Satisfaction.class);
      for (Satisfaction s : Satisfaction.values()) {
        full.put(s, e.getValue().getOrDefault(s, 0));
      }
      persons.add(new PersonResult(e.getKey(), Map.copyOf(full), answers, score, rate, verdict));
    }
    return new Result(List.copyOf(persons), sheets.size(),
        allAnswers == 0 ? null : (int) Math.round((double) allPoints / allAnswers));
  }
}
