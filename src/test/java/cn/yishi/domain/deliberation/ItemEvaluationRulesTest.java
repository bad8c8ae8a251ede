package cn.yishi.domain.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.deliberation.ItemEvaluationRules.Outcome;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 民事民评's result rule (average below the threshold → rework; none → 无人评价) and what a rater may give. */
class ItemEvaluationRulesTest {
  private static final BigDecimal THREE = ItemEvaluationRules.DEFAULT_PASS_AVERAGE;

  @Test
  void anAverageOfThreeOrMorePasses() {
    ItemEvaluationRules.Result r = ItemEvaluationRules.result(List.of(5, 1, 3), THREE);
    assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(r.average()).isEqualByComparingTo("3.00");
    assertThat(r.count()).isEqualTo(3);
    assertThat(r.distributionText()).isEqualTo("1,0,1,0,1");
  }

  @Test
  void anAverageJustBelowTheThresholdSendsTheItemBack() {
    assertThat(ItemEvaluationRules.result(List.of(3, 3, 3, 3, 3, 3, 3, 3, 2), THREE).outcome()).isEqualTo(Outcome.REWORK);
    ItemEvaluationRules.Result r = ItemEvaluationRules.result(List.of(2, 3, 3), THREE);
    assertThat(r.outcome()).isEqualTo(Outcome.REWORK);
    assertThat(r.average()).isEqualByComparingTo("2.67");
  }

  @Test
  void theThresholdIsComparedWithThePublishedAverage() {
    // 332 threes and a two average 2.997…, published as 3.00: what residents read is what was decided
    List<Integer> many = new java.util.ArrayList<>(java.util.Collections.nCopies(332, 3));
    many.add(2);
    ItemEvaluationRules.Result r = ItemEvaluationRules.result(many, THREE);
    assertThat(r.average()).isEqualByComparingTo("3.00");
    assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
    List<Integer> justBelow = new java.util.ArrayList<>(java.util.Collections.nCopies(99, 3));
    justBelow.add(2);
    assertThat(ItemEvaluationRules.result(justBelow, THREE).outcome()).as("2.99").isEqualTo(Outcome.REWORK);
  }

  @Test
  void aConfiguredThresholdApplies() {
    assertThat(ItemEvaluationRules.result(List.of(4, 3), new BigDecimal("3.5")).outcome()).isEqualTo(Outcome.PASSED);
    assertThat(ItemEvaluationRules.result(List.of(4, 2), new BigDecimal("3.5")).outcome()).isEqualTo(Outcome.REWORK);
  }

  @Test
  void noRatingsIsNoRatingsNotRework() {
    ItemEvaluationRules.Result r = ItemEvaluationRules.result(List.of(), THREE);
    assertThat(r.outcome()).isEqualTo(Outcome.NO_RATINGS);
    assertThat(r.average()).isNull();
    assertThat(r.distributionText()).isEqualTo("0,0,0,0,0");
    assertThat(Outcome.NO_RATINGS.label()).isEqualTo("无人评价");
  }

  @Test
  void integersOneToFiveAreRatings() {
    assertThat(ItemEvaluationRules.rating(1)).isEqualTo(1);
    assertThat(ItemEvaluationRules.rating(5L)).isEqualTo(5);
    assertThat(ItemEvaluationRules.rating(BigInteger.valueOf(4))).isEqualTo(4);
    assertThat(ItemEvaluationRules.rating(" 3 ")).isEqualTo(3);
  }

  @Test
  void aFractionIsNeverRounded() {
    assertRefused(2.5, "invalid");
    assertRefused(new BigDecimal("2.0"), "invalid");
    assertRefused("2.5", "invalid");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 6, -1, 100})
  void outsideOneToFiveIsRefused(int r) {
    assertRefused(r, "out_of_range");
    assertRefused(Integer.toString(r), "out_of_range");
  }

  @Test
  void textOrNothingIsRefused() {
    assertRefused("x", "invalid");
    assertRefused(true, "invalid");
    assertRefused(List.of(3), "invalid");
    assertRefused(null, "required");
    assertRefused(" ", "required");
    assertRefused("99999999999", "invalid");
  }

  @Test
  void aCommentIsOptionalAndAtMost300Characters() {
    assertThat(ItemEvaluationRules.comment(null)).isNull();
    assertThat(ItemEvaluationRules.comment("  ")).isNull();
    assertThat(ItemEvaluationRules.comment(" 好 ")).isEqualTo("好");
    assertThat(ItemEvaluationRules.comment("评".repeat(300))).hasSize(300);
    assertThatThrownBy(() -> ItemEvaluationRules.comment("评".repeat(301))).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.errors()).singleElement().satisfies(f -> {
          assertThat(f.field()).isEqualTo("comment");
          assertThat(f.code()).isEqualTo("too_long");
          assertThat(f.message()).isEqualTo("评价意见不能超过300个字");
        }));
  }

  @Test
  void bothFieldsAreReportedAtOnce() {
    assertThatThrownBy(() -> ItemEvaluationRules.check("6", "评".repeat(301))).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.errors()).extracting(f -> f.field() + ":" + f.code())
            .containsExactly("rating:out_of_range", "comment:too_long"));
    assertThat(ItemEvaluationRules.check("4", "")).isEqualTo(new ItemEvaluationRules.Checked(4, null));
  }

  @Test
  void theWindowIsOneToThirtyWorkingDaysFiveByDefault() {
    assertThat(ItemEvaluationRules.windowDays(null)).isEqualTo(5);
    assertThat(ItemEvaluationRules.windowDays(1L)).isEqualTo(1);
    assertThat(ItemEvaluationRules.windowDays(30)).isEqualTo(30);
    assertThat(ItemEvaluationRules.windowDays(7.0)).isEqualTo(7);
    for (Object bad : List.of(0, 31, 2.5, "x")) {
      assertThatThrownBy(() -> ItemEvaluationRules.windowDays(bad)).as(String.valueOf(bad))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.errors().get(0).field()).isEqualTo("evaluationWindowDays"));
    }
  }

  @Test
  void theResultInWordsNamesNoRater() {
    assertThat(ItemEvaluationRules.describe(null, 0, null, null)).isNull();
    assertThat(ItemEvaluationRules.describe("NO_RATINGS", 0, null, "0,0,0,0,0")).isEqualTo("民事民评：无人评价");
    assertThat(ItemEvaluationRules.describe("PASSED", 6, new BigDecimal("4.17"), "0,1,0,2,3"))
        .isEqualTo("民事民评：6人评价，平均4.17分（5分3人、4分2人、2分1人），评价通过");
    assertThat(ItemEvaluationRules.describe("REWORK", 2, new BigDecimal("2"), "1,0,1,0,0"))
        .isEqualTo("民事民评：2人评价，平均2.00分（3分1人、1分1人），评价较差，退回整改");
  }

  private static void assertRefused(Object rating, String code) {
    assertThatThrownBy(() -> ItemEvaluationRules.rating(rating)).as(String.valueOf(rating))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement().satisfies(f -> {
          assertThat(f.field()).isEqualTo("rating");
          assertThat(f.code()).isEqualTo(code);
        }));
  }
}
