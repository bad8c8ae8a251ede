package cn.yishi.domain.convention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConventionRulesTest {
  private static final OffsetDateTime CLOSES = OffsetDateTime.parse("2026-03-09T18:00:00+08:00");
  private static final OffsetDateTime BEFORE = CLOSES.minusHours(1);

  private static List<FieldError> refusal(Runnable r) {
    try {
      r.run();
    } catch (ValidationException e) {
      return e.errors();
    }
    throw new AssertionError("not refused");
  }

  @Test
  void aDraftIsStrippedAndEveryProblemIsReportedAtOnce() {
    assertThat(ConventionRules.draft("  御苑小区院落文明公约 ", " 第一条 ", 5))
        .isEqualTo(new ConventionRules.Draft("御苑小区院落文明公约", "第一条", 5));
    assertThat(refusal(() -> ConventionRules.draft(" ", "x".repeat(20_001), 0))).extracting(FieldError::field, FieldError::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("title", "required"),
            org.assertj.core.groups.Tuple.tuple("conventionText", "too_long"),
            org.assertj.core.groups.Tuple.tuple("commentDays", "out_of_range"));
    assertThat(refusal(() -> ConventionRules.draft("t", "b", 31))).extracting(FieldError::message)
        .containsExactly("征求意见期为1到30个工作日");
    assertThat(refusal(() -> ConventionRules.draft("t", "b", null))).extracting(FieldError::field).containsExactly("commentDays");
    assertThat(refusal(() -> ConventionRules.draft("t\u0000", "b", 5))).extracting(FieldError::code)
        .containsExactly("invalid_character");
  }

  @Test
  void aCommentIsAcceptedOnlyWhileTheWindowIsOpenAndWithinTheLimit() {
    assertThat(ConventionRules.comment(ConventionStatus.PUBLICITY, CLOSES, BEFORE, " 建议增加充电桩条款 ", "  "))
        .isEqualTo(new ConventionRules.Comment("建议增加充电桩条款", null));
    assertThat(ConventionRules.comment(ConventionStatus.PUBLICITY, CLOSES, BEFORE, "好", " 3栋老李 ").signature())
        .isEqualTo("3栋老李");
    assertThat(ConventionRules.comment(ConventionStatus.PUBLICITY, CLOSES, BEFORE, "意".repeat(500), null).content()).hasSize(500);

    assertThat(refusal(() -> ConventionRules.comment(ConventionStatus.PUBLICITY, CLOSES, BEFORE, "意".repeat(501), null)))
        .containsExactly(new FieldError("content", "too_long", "请填写意见，不超过500字"));
    assertThat(refusal(() -> ConventionRules.comment(ConventionStatus.PUBLICITY, CLOSES, BEFORE, null, null)))
        .extracting(FieldError::code).containsExactly("required");
    assertThat(refusal(() -> ConventionRules.comment(ConventionStatus.PUBLICITY, CLOSES, BEFORE, "好", "名".repeat(21))))
        .extracting(FieldError::field, FieldError::code).containsExactly(org.assertj.core.groups.Tuple.tuple("signature", "too_long"));
    assertThat(refusal(() -> ConventionRules.comment(ConventionStatus.PUBLICITY, CLOSES, CLOSES, "好", null)))
        .containsExactly(new FieldError("token", "expired", "征求意见期已结束，不再受理意见"));
    assertThat(refusal(() -> ConventionRules.comment(ConventionStatus.REVISION, CLOSES, BEFORE, "好", null)))
        .extracting(FieldError::code).containsExactly("expired");
  }

  @Test
  void aRevisionAnswersEveryCommentAndNoOther() {
    assertThat(ConventionRules.revision(" 新正文 ", List.of(11L, 12L), Map.of(11L, "采纳", 12L, "不采纳：与规定不符")))
        .isEqualTo("新正文");
    assertThat(ConventionRules.revision("正文", List.of(), Map.of())).isEqualTo("正文");
    assertThat(refusal(() -> ConventionRules.revision("正文", List.of(11L, 12L), Map.of(11L, "采纳"))))
        .containsExactly(new FieldError("conventionComments[1].handling", "required",
            "第2条意见：请填写处理情况（采纳、部分采纳或不采纳及理由，不超过500字）"));
    assertThat(refusal(() -> ConventionRules.revision("正文", List.of(11L), Map.of(11L, "采纳", 99L, "伪造"))))
        .extracting(FieldError::code).containsExactly("unknown");
    assertThat(refusal(() -> ConventionRules.revision(" ", List.of(11L), Map.of(11L, "理".repeat(501)))))
        .extracting(FieldError::field).containsExactly("conventionText", "conventionComments[0].handling");
  }

  @Test
  void theReviewApprovesWithAWayOfAdoptionOrReturnsWithAReason() {
    assertThat(ConventionRules.review("APPROVE", null, "ASSEMBLY", false))
        .isEqualTo(new ConventionRules.Review(true, null, AdoptionMode.ASSEMBLY));
    assertThat(ConventionRules.review("APPROVE", " 合法合理 ", "BALLOT", true))
        .isEqualTo(new ConventionRules.Review(true, "合法合理", AdoptionMode.BALLOT));
    assertThat(ConventionRules.review("RETURN", "第二条不合法", null, false))
        .isEqualTo(new ConventionRules.Review(false, "第二条不合法", null));

    assertThat(refusal(() -> ConventionRules.review("RETURN", " ", null, false))).extracting(FieldError::field)
        .containsExactly("reviewReason");
    assertThat(refusal(() -> ConventionRules.review("APPROVE", null, null, false))).extracting(FieldError::field)
        .containsExactly("adoptionMode");
    assertThat(refusal(() -> ConventionRules.review("APPROVE", null, "BALLOT", false))).extracting(FieldError::code)
        .containsExactly("community_scope");
    assertThat(refusal(() -> ConventionRules.review("MAYBE", null, null, false))).extracting(FieldError::field)
        .containsExactly("reviewDecision");
  }

  @Test
  void adoptionModesRunTheResidentVoteWithTheirVoteTypes() {
    assertThat(AdoptionMode.ASSEMBLY.voteType()).isEqualTo("RESIDENTS_CONVENTION");
    assertThat(AdoptionMode.BALLOT.voteType()).isEqualTo("GENERAL");
    assertThat(ConventionStatus.IN_FORCE.inProgress()).isFalse();
    assertThat(ConventionStatus.SUPERSEDED.inProgress()).isFalse();
    assertThat(ConventionStatus.REVIEW.inProgress()).isTrue();
  }
}
