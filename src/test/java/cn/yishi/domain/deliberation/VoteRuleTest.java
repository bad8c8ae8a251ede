package cn.yishi.domain.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class VoteRuleTest {
  private static final VoteRule OTHER = new VoteRule(new VoteRule.Share(2, 3), false, new VoteRule.Share(1, 2), true, true, false);
  private static final VoteRule MAJOR = new VoteRule(new VoteRule.Share(2, 3), false, new VoteRule.Share(3, 4), false, true, false);
  private static final VoteRule ASSEMBLY = new VoteRule(new VoteRule.Share(1, 2), true, new VoteRule.Share(1, 2), true, false, true);

  private static VoteRule.Totals t(int households, String area) {
    return new VoteRule.Totals(households, new BigDecimal(area));
  }

  @Test
  void participationCountsAbstentionsAndNeedsHeadcountAndArea() {
    assertThat(OTHER.outcome(t(9, "900"), t(4, "400"), t(1, "100"), t(1, "100"))).isEqualTo(VoteRule.Outcome.PASSED);
    assertThat(OTHER.outcome(t(9, "900"), t(4, "400"), t(1, "100"), t(0, "0"))).isEqualTo(VoteRule.Outcome.NO_QUORUM);
    assertThat(OTHER.outcome(t(9, "900"), t(5, "300"), t(1, "200"), t(0, "0"))).isEqualTo(VoteRule.Outcome.NO_QUORUM);
    assertThat(OTHER.outcome(VoteRule.Totals.NONE, VoteRule.Totals.NONE, VoteRule.Totals.NONE, VoteRule.Totals.NONE))
        .isEqualTo(VoteRule.Outcome.NO_QUORUM);
  }

  @Test
  void approvalNeedsHeadcountAndAreaAndExactFractions() {
    assertThat(MAJOR.outcome(t(8, "800"), t(6, "600"), t(2, "200"), VoteRule.Totals.NONE)).isEqualTo(VoteRule.Outcome.PASSED);
    assertThat(MAJOR.outcome(t(8, "800"), t(6, "400"), t(2, "400"), VoteRule.Totals.NONE)).isEqualTo(VoteRule.Outcome.REJECTED);
    assertThat(OTHER.outcome(t(6, "450"), t(2, "300"), t(2, "200"), VoteRule.Totals.NONE)).isEqualTo(VoteRule.Outcome.REJECTED);
  }

  @Test
  void anElectorateWithoutAreasAndAMeetingCountHeadsOnly() {
    assertThat(OTHER.outcome(t(6, "0"), t(3, "0"), t(1, "0"), VoteRule.Totals.NONE)).isEqualTo(VoteRule.Outcome.PASSED);
    assertThat(ASSEMBLY.outcome(10, 3, 2, 0)).isEqualTo(VoteRule.Outcome.NO_QUORUM);
    assertThat(ASSEMBLY.outcome(10, 4, 2, 0)).isEqualTo(VoteRule.Outcome.PASSED);
  }

  @Test
  void theRuleIsDescribedInChinese() {
    assertThat(MAJOR.describe()).contains("三分之二以上", "四分之三以上", "面积", "第二百七十八条");
    assertThat(OTHER.describe()).contains("过半数");
    assertThat(ASSEMBLY.describe()).contains("居民（代表）会议", "过半数出席");
  }

  @Test
  void sharesAreParsedAndChecked() {
    assertThat(VoteRule.Share.parse(" 3/4 ")).isEqualTo(new VoteRule.Share(3, 4));
    assertThatThrownBy(() -> VoteRule.Share.parse("0.5")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VoteRule.Share.parse("a/b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VoteRule.Share.parse("5/4")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VoteRule.Share.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
