package cn.yishi.domain.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VoteRuleTest {
  private static final VoteRule SIMPLE = new VoteRule(new VoteRule.Share(1, 2), new VoteRule.Share(1, 2), true, false);
  private static final VoteRule TWO_THIRDS = new VoteRule(new VoteRule.Share(2, 3), new VoteRule.Share(2, 3), false, false);

  @Test
  void quorumIsAShareOfTheRegisterAndCountsAbstentions() {
    assertThat(SIMPLE.outcome(10, 3, 1, 1)).isEqualTo(VoteRule.Outcome.PASSED);
    assertThat(SIMPLE.outcome(10, 3, 1, 0)).isEqualTo(VoteRule.Outcome.NO_QUORUM);
    assertThat(SIMPLE.outcome(0, 0, 0, 0)).isEqualTo(VoteRule.Outcome.NO_QUORUM);
  }

  @Test
  void strictAndInclusiveMajoritiesAreExact() {
    assertThat(SIMPLE.outcome(10, 3, 3, 0)).isEqualTo(VoteRule.Outcome.REJECTED);
    assertThat(TWO_THIRDS.outcome(9, 4, 2, 0)).isEqualTo(VoteRule.Outcome.PASSED);
    assertThat(TWO_THIRDS.outcome(9, 3, 2, 1)).isEqualTo(VoteRule.Outcome.REJECTED);
    assertThat(TWO_THIRDS.outcome(9, 5, 0, 0)).isEqualTo(VoteRule.Outcome.NO_QUORUM);
  }

  @Test
  void sharesAreParsedAndChecked() {
    assertThat(VoteRule.Share.parse(" 3/4 ")).isEqualTo(new VoteRule.Share(3, 4));
    assertThatThrownBy(() -> VoteRule.Share.parse("0.5")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VoteRule.Share.parse("5/4")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VoteRule.Share.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
