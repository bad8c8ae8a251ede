package cn.yishi.domain.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks of the points ledger and shop, plain JUnit: each refusal with its field, code and Chinese message. */
class PointsRulesTest {
  private static List<FieldError> refusal(Runnable r) {
    try {
      r.run();
    } catch (ValidationException e) {
      return e.errors();
    }
    throw new AssertionError("not refused");
  }

  private static List<String> codes(Runnable r) {
    return refusal(r).stream().map(e -> e.field() + ":" + e.code()).toList();
  }

  @Test
  void aRuleFromTheSeedOfKaizhouIsTwentyPointsForLandGivenToTheRoad() {
    PointsRule rule = PointsRules.rule("hualin", "land-for-road", " 无偿调剂土地支持公益事业 ", 20,
        List.of("points-officers", "community"), null);
    assertThat(rule.reason()).isEqualTo("无偿调剂土地支持公益事业");
    assertThat(rule.points()).isEqualTo(20);
    assertThat(rule.active()).isTrue();
    assertThat(rule.awardedBy()).containsExactlyInAnyOrder(AwarderRole.POINTS_OFFICER, AwarderRole.COMMUNITY);
    assertThat(rule.awardedByLabel()).isEqualTo("院坝长、积分评议员 / 社区两委");
  }

  @Test
  void whoMayProposeIsTheRulesRolesInTheRulesCommunityOnly() {
    PointsRule rule = PointsRules.rule("hualin", "yard-meeting", "参加院坝会", 2, List.of("points-officers", "grid"), true);
    assertThat(rule.mayBeProposedBy(List.of("hualin-points-officers"))).isTrue();
    assertThat(rule.mayBeProposedBy(List.of("hualin-grid"))).isTrue();
    assertThat(rule.mayBeProposedBy(List.of("hualin-community"))).as("the committee is not named by this rule").isFalse();
    assertThat(rule.mayBeProposedBy(List.of("shengdian-grid"))).as("another community's grid worker").isFalse();
    assertThat(rule.mayBeProposedBy(List.of())).isFalse();
  }

  @Test
  void aRuleIsRefusedFieldByField() {
    assertThat(codes(() -> PointsRules.rule("hualin", "Land For Road", " ", 0, List.of(), true)))
        .containsExactly("code:invalid", "reason:required", "points:invalid", "awardedBy:required");
    assertThat(codes(() -> PointsRules.rule("hualin", "x", "事由", 1001, List.of("mayor"), true)))
        .containsExactly("points:invalid", "awardedBy:unknown");
    assertThat(codes(() -> PointsRules.rule("hualin", "x", "事由\u0000", 5, List.of("grid"), true)))
        .containsExactly("reason:invalid_character");
    assertThat(refusal(() -> PointsRules.rule("hualin", "x", "事由", null, List.of("grid"), true)).get(0).message())
        .isEqualTo("分值应为 1 到 1000 之间的整数");
  }

  @Test
  void itemsHaveAPositivePriceAndAStockOfZeroOrMore() {
    assertThat(PointsRules.item("hualin", 0, "大米（一袋）", 20, 0, null).active()).isTrue();
    assertThat(codes(() -> PointsRules.item("hualin", 0, "", 0, -1, true)))
        .containsExactly("name:required", "price:invalid", "stock:invalid");
    assertThat(codes(() -> PointsRules.item("hualin", 0, "米".repeat(61), 100_001, 100_001, true)))
        .containsExactly("name:too_long", "price:invalid", "stock:invalid");
  }

  @Test
  void aPersonNeedsANameAndAnAnswerOnConsentAndGetsAPseudonym() {
    LedgerPerson p = PointsRules.person("hualin", 0, " 付维恒 ", "大坪村3组", "大坪院坝", false, null, "居民K7P2");
    assertThat(p.name()).isEqualTo("付维恒");
    assertThat(p.pseudonym()).isEqualTo("居民K7P2");
    assertThat(p.publicName()).as("no consent: the pseudonym").isEqualTo("居民K7P2");
    assertThat(new LedgerPerson(1, "hualin", "付维恒", null, null, true, "居民K7P2", 20).publicName()).isEqualTo("付维恒");
    assertThat(codes(() -> PointsRules.person("hualin", 0, " ", null, null, null, null, "居民A")))
        .containsExactly("name:required", "publishName:required");
    assertThat(codes(() -> PointsRules.person("hualin", 0, "付维恒", null, null, true, "付维恒", "居民A")))
        .containsExactly("pseudonym:invalid");
  }

  @Test
  void aProposalNeedsEvidence() {
    assertThat(PointsRules.evidence(" 2023年4月修建通组公路，自愿无偿调剂自家土地 ")).startsWith("2023年4月");
    assertThat(codes(() -> PointsRules.evidence("  "))).containsExactly("evidence:required");
    assertThat(codes(() -> PointsRules.evidence("证".repeat(1001)))).containsExactly("evidence:too_long");
  }

  @Test
  void aDecisionIsMadeByAnotherPersonAndARejectionGivesItsReason() {
    assertThat(PointsRules.decision(true, null, "points.hualin", "community.hualin")).isNull();
    assertThat(PointsRules.decision(false, " 证据不足 ", "points.hualin", "community.hualin")).isEqualTo("证据不足");
    assertThat(codes(() -> PointsRules.decision(null, null, "a", "b"))).containsExactly("approved:required");
    assertThat(codes(() -> PointsRules.decision(false, " ", "a", "b"))).containsExactly("decisionComment:required");
    assertThat(refusal(() -> PointsRules.decision(true, null, "community.hualin", "community.hualin")).get(0))
        .isEqualTo(new FieldError("approved", "own_proposal", "不能审核自己提出的加分申请，请由社区其他书记或两委成员审核"));
  }

  @Test
  void aCorrectionIsANonZeroCounterEntryWithAReason() {
    assertThat(PointsRules.correction(-20, " 重复申报 ")).isEqualTo("重复申报");
    assertThat(codes(() -> PointsRules.correction(0, ""))).containsExactly("points:invalid", "reason:required");
    assertThat(codes(() -> PointsRules.correction(1001, "x"))).containsExactly("points:invalid");
    assertThat(codes(() -> PointsRules.correction(null, "x"))).containsExactly("points:invalid");
  }

  @Test
  void aRedemptionIsOneToAHundredPiecesWithAnOptionalRequestKey() {
    PointsRules.redemption(1, null);
    PointsRules.redemption(100, "3f1c2a9e-0b7d-4e55-9f00-1234567890ab");
    assertThat(codes(() -> PointsRules.redemption(0, "short"))).containsExactly("quantity:invalid", "requestKey:invalid");
    assertThat(codes(() -> PointsRules.redemption(101, null))).containsExactly("quantity:invalid");
  }

  @Test
  void noBalanceGoesBelowZero() {
    ShopItem rice = new ShopItem(1, "hualin", "大米（一袋）", 20, 5, true);
    assertThat(PointsRules.cost(rice, 3)).isEqualTo(60);
    PointsRules.requireAffordable(20, 20);
    assertThat(refusal(() -> PointsRules.requireAffordable(19, 20)).get(0))
        .isEqualTo(new FieldError("points", "insufficient_balance", "积分余额不足：需要 20 分，当前余额 19 分"));
    assertThat(PointsRules.outOfStock(rice, 6).errors().get(0).message()).isEqualTo("库存不足：大米（一袋） 剩余 5 件，兑换 6 件");
    assertThatThrownBy(() -> PointsRules.cost(new ShopItem(1, "hualin", "x", Integer.MAX_VALUE, 1, true), 2))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void eachRoleIsAGroupOfItsCommunity() {
    assertThat(AwarderRole.POINTS_OFFICER.group("hualin")).isEqualTo("hualin-points-officers");
    assertThat(AwarderRole.GRID.group("hualin")).isEqualTo("hualin-grid");
    assertThat(AwarderRole.COMMUNITY.group("hualin")).isEqualTo("hualin-community");
    assertThat(AwarderRole.ofCode("grid")).contains(AwarderRole.GRID);
    assertThat(AwarderRole.ofCode("GRID")).isEmpty();
  }
}
