package cn.yishi.domain.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CaseFileTest {
  private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZoneOffset.ofHours(8));

  private static CaseFile newCase() {
    return new CaseFile(1, "FX-2026-000001", Channel.HOTLINE_12345, null, "streetlight", "路灯不亮", "坏了",
        "hualin", "御苑小区", 10, NOW);
  }

  private static CaseFile accepted(Disposal disposal, String unit) {
    CaseFile c = newCase();
    c.accept(new Classification(Urgency.GREEN, Tier.STATION, disposal, unit), NOW.plusDays(3), NOW.plusDays(1));
    return c;
  }

  @Test
  void acceptanceSetsTheStatusByDisposal() {
    assertThat(accepted(Disposal.IMMEDIATE, null).status()).isEqualTo(CaseStatus.IN_PROGRESS);
    assertThat(accepted(Disposal.COMMITTED, null).status()).isEqualTo(CaseStatus.ACCEPTED);
    assertThat(accepted(Disposal.COMMITTED, "water").status()).isEqualTo(CaseStatus.IN_PROGRESS);
    assertThat(accepted(Disposal.DELIBERATED, null).status()).isEqualTo(CaseStatus.DELIBERATING);
  }

  @Test
  void onlyARegisteredCaseIsReviewed() {
    CaseFile c = accepted(Disposal.IMMEDIATE, null);
    assertThatThrownBy(() -> c.decline("x", null)).isInstanceOf(ValidationException.class);
    CaseFile d = newCase();
    d.decline("属个人纠纷", NOW.plusDays(1));
    assertThat(d.status()).isEqualTo(CaseStatus.DECLINED);
    assertThat(d.responseDeadline()).as("a decline answers by the response deadline too").isEqualTo(NOW.plusDays(1));
    assertThat(d.status().isOpen()).isFalse();
  }

  @Test
  void escalationClimbsTheTiersAndStopsAtTheCounty() {
    CaseFile c = accepted(Disposal.IMMEDIATE, null);
    assertThat(c.escalate(NOW.plusDays(5))).isEqualTo(Tier.ROOM);
    assertThat(c.escalate(NOW.plusDays(5))).isEqualTo(Tier.HALL);
    assertThat(c.escalate(NOW.plusDays(5))).isEqualTo(Tier.COUNTY);
    assertThat(c.canEscalate()).isFalse();
    assertThatThrownBy(() -> c.escalate(NOW)).isInstanceOf(ValidationException.class).hasMessageContaining("无法继续上报");
  }

  @Test
  void theSecondMissedDeadlineInARowEscalates() {
    CaseFile c = accepted(Disposal.IMMEDIATE, null);
    assertThat(c.markOverdue(NOW.plusDays(2))).isFalse();
    assertThat(c.markOverdue(NOW.plusDays(4))).isTrue();
    c.escalate(NOW.plusDays(5));
    assertThat(c.overdueCount()).isZero();
    assertThat(c.markOverdue(NOW.plusDays(6))).isFalse();
  }

  @Test
  void satisfactionFromThreeClosesAndTheThirdUnsatisfiedRatingEscalates() {
    CaseFile c = accepted(Disposal.IMMEDIATE, null);
    for (int round = 1; round <= 2; round++) {
      c.resolve("已处理", NOW);
      assertThat(c.evaluate(2)).isFalse();
      assertThat(c.rework(NOW.plusDays(5))).isFalse();
      assertThat(c.status()).isEqualTo(CaseStatus.REWORK);
    }
    c.resolve("已处理", NOW);
    assertThat(c.evaluate(1)).isFalse();
    assertThat(c.rework(NOW.plusDays(5))).as("third unsatisfied evaluation").isTrue();
    c.resolve("已彻底处理", NOW);
    assertThat(c.evaluate(3)).isTrue();
    c.close(NOW);
    assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(c.reworkCount()).isEqualTo(3);
  }

  @Test
  void ratingsOutsideOneToFiveAndOutOfOrderStepsAreRefused() {
    CaseFile c = accepted(Disposal.IMMEDIATE, null);
    assertThatThrownBy(() -> c.evaluate(4)).hasMessageContaining("尚未办结");
    c.resolve("已处理", NOW);
    assertThatThrownBy(() -> c.evaluate(0)).hasMessageContaining("1到5");
    assertThatThrownBy(() -> c.evaluate(6)).hasMessageContaining("1到5");
    CaseFile open = accepted(Disposal.IMMEDIATE, null);
    assertThatThrownBy(() -> open.close(NOW)).hasMessageContaining("尚未办结");
  }

  @Test
  void classificationKeepsTheSuggestionForOmittedValuesAndRefusesUnknownOnes() {
    Classification suggestion = new Classification(Urgency.GREEN, Tier.STATION, Disposal.IMMEDIATE, null);
    assertThat(Classification.parse(null, " ", null, null, suggestion)).isEqualTo(suggestion);
    Classification red = Classification.parse("RED", null, null, "water", suggestion);
    assertThat(red.urgency()).isEqualTo(Urgency.RED);
    assertThat(red.differsFrom(suggestion)).isTrue();
    assertThatThrownBy(() -> Classification.parse("PURPLE", "PALACE", "SOMEDAY", null, suggestion))
        .isInstanceOfSatisfying(ValidationException.class, e ->
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("urgency", "tier", "disposal"));
  }
}
