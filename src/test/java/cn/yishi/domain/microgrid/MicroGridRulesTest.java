package cn.yishi.domain.microgrid;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.domain.casefile.FieldError;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MicroGridRulesTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

  @Test
  void aYuanbaNeedsANameAndKeepsItsTextsShort() {
    assertThat(MicroGridRules.checkYuanba("水桶湾院坝", "上屋组一带")).isEmpty();
    assertThat(MicroGridRules.checkYuanba(" ", null)).extracting(FieldError::field, FieldError::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("name", "required"));
    assertThat(MicroGridRules.checkYuanba("院".repeat(41), "坝".repeat(201))).extracting(FieldError::code)
        .containsExactly("too_long", "too_long");
    assertThat(MicroGridRules.checkYuanba("水桶\u0000湾", null)).extracting(FieldError::code).containsExactly("invalid");
  }

  @Test
  void aHolderNeedsANameADateAndAReasonStaffMayGive() {
    assertThat(MicroGridRules.checkHolder("杨全国", "13800000000", "yang.qg", TODAY, "ELECTION", null, null, TODAY)).isEmpty();
    assertThat(MicroGridRules.checkHolder("杨全国", "0795-4500000", null, TODAY, "FAILED_EVALUATION", "测评不及格", TODAY.minusYears(1), TODAY)).isEmpty();
    assertThat(MicroGridRules.checkHolder(null, "12345", "Yang QG", null, "DIRECTORY", "x".repeat(201), null, TODAY))
        .extracting(FieldError::field).containsExactly("name", "phone", "userId", "from", "reason", "note");
    assertThat(MicroGridRules.checkHolder("杨全国", null, null, TODAY, "nonsense", null, null, TODAY))
        .extracting(FieldError::message).containsExactly("请选择调整原因：换届选举、评价不及格调整或其他");
  }

  @Test
  void aReplacementCannotStartBeforeTheCurrentTermNorFarAhead() {
    assertThat(MicroGridRules.checkHolder("杨全国", null, null, TODAY.minusDays(1), "OTHER", null, TODAY, TODAY))
        .extracting(FieldError::code).containsExactly("before_current");
    assertThat(MicroGridRules.checkHolder("杨全国", null, null, TODAY.plusDays(91), "OTHER", null, null, TODAY))
        .extracting(FieldError::code).containsExactly("too_late");
    assertThat(MicroGridRules.checkHolder("杨全国", null, null, TODAY, "OTHER", null, TODAY, TODAY)).isEmpty();
  }

  @Test
  void rolesAndReasonsParseOnlyTheirOwnCodes() {
    assertThat(YuanbaRole.parse("HEAD")).contains(YuanbaRole.HEAD);
    assertThat(YuanbaRole.parse("head")).isEmpty();
    assertThat(YuanbaRole.HEAD.suffix()).isEqualTo("head");
    assertThat(ChangeReason.parseForStaff("DIRECTORY")).isEmpty();
    assertThat(ChangeReason.parseForStaff("ELECTION")).contains(ChangeReason.ELECTION);
  }
}
