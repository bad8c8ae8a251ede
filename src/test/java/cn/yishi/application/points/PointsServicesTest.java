package cn.yishi.application.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.PointsStore;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.points.AwarderRole;
import cn.yishi.domain.points.EntryKind;
import cn.yishi.domain.points.LedgerPerson;
import cn.yishi.domain.points.PointsEntry;
import cn.yishi.domain.points.PointsRule;
import cn.yishi.domain.points.ShopItem;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The points services with their store mocked (Mockito): who may do what, and that a refusal stores nothing. */
class PointsServicesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-10T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  private static final List<String> OFFICER = List.of("hualin-points-officers");
  private static final List<String> SECRETARY = List.of("hualin-community");
  private static final List<String> SHOP = List.of("hualin-shop");
  private static final PointsRule LAND = new PointsRule("hualin", "land-for-road", "无偿调剂土地支持公益事业", 20,
      Set.of(AwarderRole.POINTS_OFFICER, AwarderRole.COMMUNITY), true);
  private static final LedgerPerson FU = new LedgerPerson(7, "hualin", "付维恒", "3组", "大坪院坝", false, "居民K7P2", 20);
  private static final ShopItem RICE = new ShopItem(3, "hualin", "大米（一袋）", 20, 2, true);

  private final PointsStore store = mock(PointsStore.class);
  private final Directory directory = mock(Directory.class);
  private PointsAdministration administration;
  private PointsAwards awards;
  private PointsShop shop;
  private PointsBoard board;

  @BeforeEach
  void services() {
    when(directory.community("hualin")).thenReturn(Optional.of(new Directory.Community("hualin", "华林社区", "fengchuan", List.of())));
    when(directory.community("atlantis")).thenReturn(Optional.empty());
    administration = new PointsAdministration(store, directory, new PointsProperties(null), CLOCK);
    awards = new PointsAwards(store, administration, CLOCK);
    shop = new PointsShop(store, administration, CLOCK);
    board = new PointsBoard(store, administration);
    when(store.rule("hualin", "land-for-road")).thenReturn(Optional.of(LAND));
    when(store.person(7)).thenReturn(Optional.of(FU));
    when(store.lockPerson(7)).thenReturn(Optional.of(FU));
    when(store.item(3)).thenReturn(Optional.of(RICE));
  }

  @Test
  void anOfficerProposesAnAwardTheRuleAllows() {
    when(store.addAward(any(), eq("pi-1"))).thenReturn(41L);
    PointsAwards.Proposal p = awards.propose("hualin", 7L, "land-for-road", "修建通组公路，无偿调剂土地", "points.hualin", OFFICER, "pi-1");
    assertThat(p.awardId()).isEqualTo(41);
    assertThat(p.points()).isEqualTo(20);
    assertThat(p.approverGroup()).isEqualTo("hualin-community");
    assertThat(p.personLabel()).as("the pseudonym, never the name").isEqualTo("编号 7（居民K7P2）").doesNotContain("付维恒");
    assertThat(p.subject()).doesNotContain("付维恒");
    verify(store).addAward(any(), eq("pi-1"));
  }

  @Test
  void aProposalNobodyMayMakeIsRefusedAndStoresNothing() {
    assertThatThrownBy(() -> awards.propose("hualin", 7L, "land-for-road", "依据", "grid.hualin", List.of("hualin-grid"), "pi"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("您无权提出「无偿调剂土地支持公益事业」的加分")
        .hasMessageContaining("院坝长、积分评议员 / 社区两委");
    assertThatThrownBy(() -> awards.propose("hualin", 7L, "land-for-road", "依据", "x", List.of("shengdian-points-officers"), "pi"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> awards.propose("hualin", 7L, "nothing", "依据", "points.hualin", OFFICER, "pi"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("没有在用的积分规则「nothing」");
    when(store.person(8)).thenReturn(Optional.of(new LedgerPerson(8, "shengdian", "某", null, null, false, "居民A", 0)));
    assertThatThrownBy(() -> awards.propose("hualin", 8L, "land-for-road", "依据", "points.hualin", OFFICER, "pi"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("没有编号为 8 的居民");
    assertThatThrownBy(() -> awards.propose("atlantis", 7L, "land-for-road", "依据", "points.hualin", OFFICER, "pi"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("未知的社区");
    assertThatThrownBy(() -> awards.propose("hualin", null, null, " ", "points.hualin", OFFICER, "pi"))
        .isInstanceOf(ValidationException.class);
    verify(store, never()).addAward(any(), any());
  }

  private static PointsStore.Award proposed(String proposer) {
    return new PointsStore.Award(41, "hualin", 7, "land-for-road", LAND.reason(), 20, "依据", proposer,
        OffsetDateTime.now(CLOCK), "PROPOSED", null, null);
  }

  @Test
  void anApprovalWritesOneEntryAndRaisesTheBalance() {
    when(store.award(41)).thenReturn(Optional.of(proposed("points.hualin")));
    when(store.decideAward(eq(41L), eq(true), eq("community.hualin"), any(), isNull())).thenReturn(true);
    assertThat(awards.decide(41, true, null, "community.hualin", SECRETARY)).isTrue();
    verify(store).appendEntry(eq(7L), eq("hualin"), eq(EntryKind.AWARD), eq(20), eq(LAND.reason()), eq(41L), isNull(),
        isNull(), eq("community.hualin"), any());
    verify(store).changeBalance(7, 20);
  }

  @Test
  void aRejectionKeepsItsReasonAndWritesNothingOnTheLedger() {
    when(store.award(41)).thenReturn(Optional.of(proposed("points.hualin")));
    when(store.decideAward(eq(41L), eq(false), eq("community.hualin"), any(), eq("证据不足"))).thenReturn(true);
    assertThat(awards.decide(41, false, "证据不足", "community.hualin", SECRETARY)).isFalse();
    verify(store, never()).appendEntry(anyLong(), any(), any(), anyInt(), any(), any(), any(), any(), any(), any());
    verify(store, never()).changeBalance(anyLong(), anyInt());
  }

  @Test
  void aDecisionIsRefusedTwiceForOnesOwnProposalAndForOthers() {
    when(store.award(41)).thenReturn(Optional.of(proposed("community.hualin")));
    assertThatThrownBy(() -> awards.decide(41, true, null, "community.hualin", SECRETARY))
        .isInstanceOf(ValidationException.class).hasMessageContaining("不能审核自己提出的加分申请");
    when(store.award(41)).thenReturn(Optional.of(proposed("points.hualin")));
    assertThatThrownBy(() -> awards.decide(41, true, null, "community.shengdian", List.of("shengdian-community")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("只有本社区（村）两委成员可以审核");
    when(store.decideAward(anyLong(), eq(true), any(), any(), any())).thenReturn(false);
    assertThatThrownBy(() -> awards.decide(41, true, null, "community.hualin", SECRETARY))
        .isInstanceOf(ValidationException.class).hasMessageContaining("已审核，不能重复审核");
    verify(store, never()).appendEntry(anyLong(), any(), any(), anyInt(), any(), any(), any(), any(), any(), any());
  }

  @Test
  void aCorrectionIsACounterEntryBySecretaryThatNeverOverdraws() {
    PointsEntry award = new PointsEntry(90, 7, "hualin", EntryKind.AWARD, 20, LAND.reason(), null, "community.hualin",
        OffsetDateTime.now(CLOCK));
    when(store.entry(90)).thenReturn(Optional.of(award));
    when(store.appendEntry(eq(7L), eq("hualin"), eq(EntryKind.CORRECTION), eq(-20), eq("重复申报"), isNull(), isNull(),
        eq(90L), eq("community.hualin"), any())).thenReturn(91L);
    when(store.changeBalance(7, -20)).thenReturn(true);
    when(store.entry(91)).thenReturn(Optional.of(new PointsEntry(91, 7, "hualin", EntryKind.CORRECTION, -20, "重复申报", 90L,
        "community.hualin", OffsetDateTime.now(CLOCK))));
    assertThat(awards.correct("hualin", 90L, -20, "重复申报", SECRETARY, "community.hualin").correctsEntryId()).isEqualTo(90);

    assertThatThrownBy(() -> awards.correct("hualin", 90L, -21, "扣多了", SECRETARY, "community.hualin"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("积分余额不足");
    assertThatThrownBy(() -> awards.correct("hualin", 90L, -5, "x", OFFICER, "points.hualin"))
        .isInstanceOf(PointsRefused.class).extracting(e -> ((PointsRefused) e).reason()).isEqualTo(PointsRefused.Reason.FORBIDDEN);
    assertThatThrownBy(() -> awards.correct("hualin", 999L, -5, "x", SECRETARY, "community.hualin"))
        .isInstanceOf(PointsRefused.class).hasMessageContaining("没有该记录");
    verify(store, never()).appendEntry(anyLong(), any(), eq(EntryKind.CORRECTION), eq(-21), any(), any(), any(), any(), any(), any());
  }

  @Test
  void theShopKeeperRedeemsWithinBalanceAndStock() {
    when(store.addRedemption(any(), eq("key-0000001"))).thenReturn(Optional.of(5L));
    when(store.takeStock(3, 1)).thenReturn(true);
    when(store.changeBalance(7, -20)).thenReturn(true);
    PointsShop.Receipt r = shop.redeem("hualin", 7L, 3L, 1, "key-0000001", SHOP, "shop.hualin");
    assertThat(r).isEqualTo(new PointsShop.Receipt(5, 7, "大米（一袋）", 1, 20, 0, false));
    verify(store).appendEntry(eq(7L), eq("hualin"), eq(EntryKind.REDEMPTION), eq(-20), eq("兑换 大米（一袋） × 1"), isNull(),
        eq(5L), isNull(), eq("shop.hualin"), any());
  }

  @Test
  void aRedemptionBeyondTheBalanceOrTheStockIsRefusedBeforeTheLedger() {
    assertThatThrownBy(() -> shop.redeem("hualin", 7L, 3L, 2, null, SHOP, "shop.hualin"))
        .isInstanceOf(ValidationException.class).hasMessage("points: 积分余额不足：需要 40 分，当前余额 20 分");
    verify(store, never()).addRedemption(any(), any());

    when(store.addRedemption(any(), anyString())).thenReturn(Optional.of(6L));
    when(store.takeStock(3, 1)).thenReturn(false);
    assertThatThrownBy(() -> shop.redeem("hualin", 7L, 3L, 1, null, SHOP, "shop.hualin"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("库存不足");
    when(store.takeStock(3, 1)).thenReturn(true);
    when(store.changeBalance(7, -20)).thenReturn(false);
    assertThatThrownBy(() -> shop.redeem("hualin", 7L, 3L, 1, null, SHOP, "shop.hualin"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("积分余额不足");
    verify(store, never()).appendEntry(anyLong(), any(), any(), anyInt(), any(), any(), any(), any(), any(), any());
  }

  @Test
  void onlyTheShopKeeperRedeemsItemsOfTheCommunity() {
    assertThatThrownBy(() -> shop.redeem("hualin", 7L, 3L, 1, null, SECRETARY, "community.hualin"))
        .isInstanceOf(PointsRefused.class).hasMessageContaining("积分超市的管理员");
    when(store.item(4)).thenReturn(Optional.of(new ShopItem(4, "shengdian", "油", 5, 9, true)));
    assertThatThrownBy(() -> shop.redeem("hualin", 7L, 4L, 1, null, SHOP, "shop.hualin"))
        .isInstanceOf(PointsRefused.class).hasMessageContaining("没有在售的该商品");
    assertThatThrownBy(() -> shop.redeem("atlantis", 7L, 3L, 1, null, SHOP, "shop.hualin"))
        .isInstanceOf(PointsRefused.class).hasMessageContaining("未知的社区");
    verify(store, never()).addRedemption(any(), any());
  }

  @Test
  void aRepeatedRequestAnswersTheFirstRedemption() {
    when(store.redemptionByKey("key-0000001")).thenReturn(Optional.of(new PointsStore.Redemption(5, "hualin", 7, 3,
        "大米（一袋）", 1, 20, "shop.hualin", OffsetDateTime.now(CLOCK))));
    PointsShop.Receipt r = shop.redeem("hualin", 7L, 3L, 1, "key-0000001", SHOP, "shop.hualin");
    assertThat(r.repeated()).isTrue();
    assertThat(r.redemptionId()).isEqualTo(5);
    verify(store, never()).takeStock(anyLong(), anyInt());
  }

  @Test
  void theBoardShowsNamesOnlyWithConsentAndRanksByBalance() {
    when(store.persons("hualin")).thenReturn(List.of(FU,
        new LedgerPerson(8, "hualin", "熊廷坤", "1组", "院坝", true, "居民ABCD", 216)));
    when(store.recentEntries(eq("hualin"), any(), anyInt())).thenReturn(List.of(
        new PointsEntry(2, 7, "hualin", EntryKind.AWARD, 20, "无偿调剂土地", null, "c", OffsetDateTime.now(CLOCK)),
        new PointsEntry(1, 8, "hualin", EntryKind.AWARD, 216, "年度积分", null, "c", OffsetDateTime.now(CLOCK))));
    when(store.items("hualin")).thenReturn(List.of(RICE, new ShopItem(4, "hualin", "油", 30, 0, true),
        new ShopItem(5, "hualin", "下架品", 1, 9, false)));
    PointsBoard.Table t = board.table("hualin");
    assertThat(t.rows()).extracting(PointsBoard.Row::name).containsExactly("熊廷坤", "居民K7P2");
    assertThat(t.rows().get(1).recentReasons()).containsExactly(new PointsBoard.Reason("无偿调剂土地", 20));
    assertThat(t.toString()).doesNotContain("付维恒", "3组", "大坪院坝");
    assertThat(t.shop()).containsExactly(new PointsBoard.Item("大米（一袋）", 20, true), new PointsBoard.Item("油", 30, false));
    assertThatThrownBy(() -> board.table("atlantis")).isInstanceOf(PointsRefused.class);
  }

  @Test
  void personalDataIsReadOnlyByTheCommunitysPointsRoles() {
    when(store.persons("hualin")).thenReturn(List.of(FU));
    assertThat(administration.overview("hualin", SHOP).persons()).containsExactly(FU);
    assertThat(administration.overview("hualin", OFFICER).maintains()).isFalse();
    assertThatThrownBy(() -> administration.overview("hualin", List.of("hualin-residents", "shengdian-community")))
        .isInstanceOf(PointsRefused.class);
    assertThatThrownBy(() -> administration.addPerson("hualin", "某", null, null, true, null, SHOP, "shop.hualin"))
        .isInstanceOf(PointsRefused.class);
    verify(store, never()).addPerson(any(), any(), any());
  }
}
