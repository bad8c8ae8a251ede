package cn.yishi.domain.microgrid;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.domain.casefile.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The input of a 双向评价 round: sheets, cadres, the self-evaluation and the township's decision. */
class EvaluationRulesTest {
  private static final List<EvaluationSubject> SUBJECTS = List.of(
      new EvaluationSubject(11, 1, YuanbaRole.HEAD, "院坝长", "杨全国"),
      new EvaluationSubject(12, 2, YuanbaRole.PUBLICITY, "宣传员", "陈晓"),
      new EvaluationSubject(13, 3, null, "包片干部", "张卫东"));

  private static Map<Integer, String> answers(String... values) {
    Map<Integer, String> m = new HashMap<>();
    for (int i = 0; i < values.length; i++) {
      m.put(i + 1, values[i]);
    }
    return m;
  }

  @Test
  void aCompleteSheetIsReadByPosition() {
    List<FieldError> errors = new ArrayList<>();
    Map<Integer, Satisfaction> sheet = EvaluationRules.checkSheet(SUBJECTS,
        answers("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED"), "answers", "", errors);
    assertThat(errors).isEmpty();
    assertThat(sheet).containsEntry(1, Satisfaction.SATISFIED).containsEntry(2, Satisfaction.BASICALLY_SATISFIED)
        .containsEntry(3, Satisfaction.DISSATISFIED);
  }

  @Test
  void aMissingRatingNamesThePerson() {
    List<FieldError> errors = new ArrayList<>();
    EvaluationRules.checkSheet(SUBJECTS, answers("SATISFIED", "", null), "answers", "", errors);
    assertThat(errors).extracting(FieldError::code).containsExactly("required", "required");
    assertThat(errors.get(0).message()).isEqualTo("请评价宣传员 陈晓");
    assertThat(errors.get(1).field()).isEqualTo("answers.answers[3]");
  }

  @Test
  void aRatingOutOfRangeOrFractionalIsRefused() {
    for (String bad : List.of("4", "2.5", "0", "-1", "满意", "satisfied", "SATISFIED ,")) {
      List<FieldError> errors = new ArrayList<>();
      EvaluationRules.checkSheet(SUBJECTS, answers(bad, "SATISFIED", "SATISFIED"), "paperSheets[1]", "第2张：", errors);
      assertThat(errors).as(bad).singleElement().satisfies(e -> {
        assertThat(e.code()).isEqualTo("out_of_range");
        assertThat(e.message()).isEqualTo("第2张：对院坝长 杨全国的评价只能是满意、基本满意或不满意");
      });
    }
  }

  @Test
  void aPositionNotOnTheSheetIsRefused() {
    List<FieldError> errors = new ArrayList<>();
    Map<Integer, String> a = answers("SATISFIED", "SATISFIED", "SATISFIED");
    a.put(4, "SATISFIED");
    EvaluationRules.checkSheet(SUBJECTS, a, "answers", "", errors);
    assertThat(errors).singleElement().extracting(FieldError::code).isEqualTo("unknown_subject");
  }

  @Test
  void cadresAreReadAsTitleAndNameAtMostFour() {
    List<FieldError> errors = new ArrayList<>();
    assertThat(EvaluationRules.parseCadres(List.of("包片干部 张卫东", "", "李明", "驻村工作队员 王刚"), errors))
        .containsExactly(new EvaluationRules.Cadre("包片干部", "张卫东"), new EvaluationRules.Cadre("包片干部", "李明"),
            new EvaluationRules.Cadre("驻村工作队员", "王刚"));
    assertThat(errors).isEmpty();
    EvaluationRules.parseCadres(List.of("甲", "乙", "丙", "丁", "戊"), errors);
    assertThat(errors).extracting(FieldError::code).containsExactly("too_many");
    errors.clear();
    EvaluationRules.parseCadres(List.of("包片干部 " + "名".repeat(21)), errors);
    assertThat(errors).extracting(FieldError::code).containsExactly("invalid");
  }

  @Test
  void theHalfYearIsThePeriod() {
    assertThat(EvaluationRules.period(LocalDate.of(2026, 6, 30))).isEqualTo("2026-H1");
    assertThat(EvaluationRules.period(LocalDate.of(2026, 7, 1))).isEqualTo("2026-H2");
    assertThat(EvaluationRules.periodLabel("2026-H2")).isEqualTo("2026年下半年");
  }

  @Test
  void theSelfEvaluationNeedsAGradeAndAText() {
    assertThat(EvaluationRules.checkSelfEvaluation("FAIRLY_GOOD", "议事协商三次，代办十二件")).isEmpty();
    assertThat(EvaluationRules.checkSelfEvaluation("EXCELLENT", " ")).extracting(FieldError::field)
        .containsExactly("selfGrade", "selfText");
    assertThat(EvaluationRules.checkSelfEvaluation("GOOD", "字".repeat(1001))).extracting(FieldError::code)
        .containsExactly("too_long");
  }

  @Test
  void keepingAFailedPersonNeedsReasonsReplacingDoesNot() {
    assertThat(EvaluationRules.checkDecision("REPLACE", null)).isEmpty();
    assertThat(EvaluationRules.checkDecision("KEEP", "群众反映的问题已整改")).isEmpty();
    assertThat(EvaluationRules.checkDecision("KEEP", " ")).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("reviewReason");
      assertThat(e.message()).isEqualTo("保留不及格人员须写明理由");
    });
    assertThat(EvaluationRules.checkDecision("FIRE", "x")).extracting(FieldError::field).containsExactly("reviewDecision");
  }
}
