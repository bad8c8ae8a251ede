package cn.yishi.domain.microgrid;

import static cn.yishi.domain.microgrid.Satisfaction.BASICALLY_SATISFIED;
import static cn.yishi.domain.microgrid.Satisfaction.DISSATISFIED;
import static cn.yishi.domain.microgrid.Satisfaction.SATISFIED;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.domain.microgrid.EvaluationTally.PersonResult;
import cn.yishi.domain.microgrid.EvaluationTally.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationTallyTest {
  static final List<String> SUBJECTS = List.of("head", "agent", "cadre");

  static List<Map<String, Satisfaction>> sheets(int n, Satisfaction head, Satisfaction agent) {
    List<Map<String, Satisfaction>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Satisfaction> sheet = new HashMap<>();
      sheet.put("head", head);
      sheet.put("agent", agent);
      out.add(sheet);
    }
    return out;
  }

  @Test
  void everyoneBasicallySatisfiedJustPassesOneDissatisfiedAmongThemFails() {
    EvaluationTally.Result allBasic = EvaluationTally.tally(SUBJECTS, sheets(5, BASICALLY_SATISFIED, SATISFIED));
    assertThat(allBasic.persons().get(0)).extracting(PersonResult::score, PersonResult::satisfactionRate, PersonResult::verdict)
        .containsExactly(60, 100, Verdict.PASS);
    assertThat(allBasic.persons().get(1)).extracting(PersonResult::score, PersonResult::verdict).containsExactly(100, Verdict.PASS);

    List<Map<String, Satisfaction>> s = sheets(5, BASICALLY_SATISFIED, SATISFIED);
    s.add(Map.of("head", DISSATISFIED));
    EvaluationTally.Result one = EvaluationTally.tally(SUBJECTS, s);
    assertThat(one.persons().get(0)).extracting(PersonResult::answers, PersonResult::score, PersonResult::satisfactionRate,
        PersonResult::verdict).containsExactly(6, 50, 83, Verdict.FAIL);
    assertThat(one.persons().get(0).counts()).containsEntry(DISSATISFIED, 1).containsEntry(BASICALLY_SATISFIED, 5)
        .containsEntry(SATISFIED, 0);
    assertThat(one.failing()).extracting(PersonResult::subject).containsExactly("head");
    assertThat(one.sheets()).isEqualTo(6);
    assertThat(one.overallScore()).isEqualTo(Math.round((5 * 60 + 5 * 100) / 11.0f));
  }

  @Test
  void fewerThanFiveAnswersAreNotJudgedAndBlankOrUnknownSubjectsCountForNothing() {
    Map<String, Satisfaction> sheet = new HashMap<>();
    sheet.put("head", DISSATISFIED);
    sheet.put("agent", null);
    sheet.put("somebody-else", DISSATISFIED);
    EvaluationTally.Result r = EvaluationTally.tally(SUBJECTS, List.of(sheet, sheet, sheet, sheet));
    assertThat(r.persons()).extracting(PersonResult::subject, PersonResult::answers, PersonResult::verdict).containsExactly(
        org.assertj.core.groups.Tuple.tuple("head", 4, Verdict.TOO_FEW),
        org.assertj.core.groups.Tuple.tuple("agent", 0, Verdict.TOO_FEW),
        org.assertj.core.groups.Tuple.tuple("cadre", 0, Verdict.TOO_FEW));
    assertThat(r.persons().get(1).score()).isNull();
    assertThat(r.failing()).isEmpty();
    assertThat(EvaluationTally.tally(SUBJECTS, List.of()).overallScore()).isNull();
  }

  @Test
  void theScaleParsesItsOwnCodesOnly() {
    assertThat(Satisfaction.parse("SATISFIED")).contains(SATISFIED);
    assertThat(Satisfaction.parse("满意")).isEmpty();
    assertThat(Satisfaction.DISSATISFIED.label()).isEqualTo("不满意");
  }
}
