package cn.yishi.application.deliberation;

import static cn.yishi.application.deliberation.DeliberationFixture.CASE_ID;
import static cn.yishi.application.deliberation.DeliberationFixture.CASE_NO;
import static cn.yishi.application.deliberation.DeliberationFixture.NOW;
import static cn.yishi.application.deliberation.DeliberationFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.application.HandlingProperties;
import cn.yishi.application.HouseholdRegisterService;
import cn.yishi.application.port.ItemEvaluationStore.ItemFacts;
import cn.yishi.application.port.MailOutbox;
import cn.yishi.application.port.SupervisionStore;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.deliberation.Electorate;
import cn.yishi.domain.deliberation.Household;
import cn.yishi.domain.deliberation.ItemEvaluationRules.Outcome;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 民事民评's use cases on an in-memory store: the committee's choice and its refusals (nothing stored), one token per
 * rater with a mail to a party that has an address, one rating per token (a bad rating leaves it usable; used,
 * closed and unknown tokens refused), and the close: pass, rework (item reopened, supervision order
 * {@value ItemEvaluations#SOURCE}), no ratings.
 */
class ItemEvaluationsTest {
  private static final long ITEM = 11;
  private static final long SESSION = 3;
  private final DeliberationFixture f = new DeliberationFixture();
  private final InMemoryItemEvaluations store = new InMemoryItemEvaluations();
  private final DeliberationSessions sessionService = mock(DeliberationSessions.class);
  private final HouseholdRegisterService registers = mock(HouseholdRegisterService.class);
  private final MailOutbox outbox = mock(MailOutbox.class);
  private final cn.yishi.domain.directory.Directory directory = new cn.yishi.domain.directory.Directory("fx", "奉新县",
      f.directory.streets(), f.directory.communities(),
      List.of(new cn.yishi.domain.directory.Directory.Unit("housing", "县住建局",
          cn.yishi.domain.directory.Directory.UnitType.DEPARTMENT, null, null, "housing@fx.example")), List.of());
  private ItemEvaluations evaluations;
  private ItemRatings ratings;

  @BeforeEach
  void setUp() {
    evaluations = new ItemEvaluations(store, f.sessions, sessionService, registers, f.orders, outbox, f.cases, directory,
        new HandlingProperties(null, 2, 5, null), new ItemEvaluationProperties(null), "https://yishi.example/");
    ratings = new ItemRatings(store, f.cases, directory);
    f.elevatorCase("housing");
    store.items.put(ITEM, new ItemFacts(ITEM, 7, SESSION, CASE_ID, CASE_NO, "三栋加装电梯", "hualin", "housing", "加装电梯井道施工",
        "DONE", "井道已完工", NOW.minusDays(1)));
    when(sessionService.parties(SESSION)).thenReturn(List.of("hualin-owners", "unit-housing"));
    when(registers.communityOf("hualin-yuyuan")).thenReturn(Optional.of("hualin"));
    when(registers.communityOf("shengdian-a")).thenReturn(Optional.of("shengdian"));
    when(registers.households(new Electorate("hualin-yuyuan", "1", null))).thenReturn(List.of(
        new Household("hualin-yuyuan", "1", "1", "101", new BigDecimal("88.5")),
        new Household("hualin-yuyuan", "1", "1", "102", new BigDecimal("90"))));
    when(outbox.enqueue(anyString(), anyString(), anyString(), anyString(), any())).thenReturn(true);
  }

  private ItemEvaluations.Opened open() {
    return evaluations.open(ITEM, true, "hualin-yuyuan/1", 5L, "jianwei.hualin");
  }

  private String token(String kind) {
    return store.tokens.entrySet().stream().filter(e -> kind.equals(e.getValue()[1])).findFirst().orElseThrow().getKey();
  }

  @Test
  void theCommitteeOpensARoundForTheSessionsPartiesAndTheHouseholds() {
    ItemEvaluations.Opened o = open();
    assertThat(o.participants()).isEqualTo(2);
    assertThat(o.households()).isEqualTo(2);
    assertThat(o.mailed()).isEqualTo(1);
    // 5 working days from Tuesday 10 March 2026: Tuesday 17 March at the end of the day
    assertThat(o.closesAt()).isEqualTo(OffsetDateTime.parse("2026-03-17T18:00:00+08:00"));
    assertThat(store.tokens).hasSize(4).allSatisfy((k, v) -> assertThat(k).matches("[A-Za-z0-9_-]{43}"));
    assertThat(store.tokens.values()).extracting(v -> v[1] + " " + v[2]).containsExactly("PARTICIPANT hualin-owners",
        "PARTICIPANT unit-housing", "HOUSEHOLD hualin-yuyuan/1/1/101", "HOUSEHOLD hualin-yuyuan/1/1/102");
    verify(outbox).enqueue(anyString(), eq("housing@fx.example"), contains("民事民评"),
        contains("https://yishi.example/public/item-ratings/"), eq(CASE_ID));
    f.noted("jianwei.hualin", TimelineAction.ITEM_EVALUATION_OPENED, "开展民事民评");
    assertThat(store.evaluations.get(o.evaluationId()).round()).isEqualTo(1);
  }

  @Test
  void aRefusedChoiceStoresNothing() {
    assertThat(refusal(() -> evaluations.open(ITEM, true, "hualin-yuyuan/1", 0, "j")))
        .containsExactly("evaluationWindowDays out_of_range");
    assertThat(refusal(() -> evaluations.open(ITEM, true, "hualin-yuyuan/1", 2.5, "j")))
        .containsExactly("evaluationWindowDays invalid");
    assertThat(refusal(() -> evaluations.open(ITEM, true, "shengdian-a", 5, "j")))
        .containsExactly("evaluationElectorate unknown");
    assertThat(refusal(() -> evaluations.open(ITEM, true, "a/b/c/d", 5, "j"))).containsExactly("evaluationElectorate unknown");
    assertThat(refusal(() -> evaluations.open(ITEM, true, "hualin-yuyuan/9", 5, "j"))).containsExactly("evaluationElectorate empty");
    assertThat(refusal(() -> evaluations.open(ITEM, false, "", 5, "j"))).containsExactly("evaluationRaters required");
    assertThat(refusal(() -> evaluations.open(99, true, null, 5, "j"))).containsExactly("itemId unknown");
    store.items.put(12L, new ItemFacts(12, 7, SESSION, CASE_ID, CASE_NO, "t", "hualin", "housing", "m", "OPEN", null, null));
    assertThat(refusal(() -> evaluations.open(12, true, null, 5, "j"))).containsExactly("itemId not_done");
    assertThat(store.evaluations).isEmpty();
    assertThat(store.tokens).isEmpty();
    verify(outbox, never()).enqueue(anyString(), anyString(), anyString(), anyString(), any());
  }

  @Test
  void eachTokenRatesOnceAndABadRatingLeavesItUsable() {
    open();
    String t = token("HOUSEHOLD");
    for (Object bad : List.of(2.5, 0, 6, "x")) {
      assertThat(refusal(() -> ratings.rate(t, bad, null))).as(String.valueOf(bad)).singleElement().asString()
          .startsWith("rating ");
    }
    assertThat(refusal(() -> ratings.rate(t, 4, "评".repeat(301)))).containsExactly("comment too_long");
    assertThat(ratings.view(t).state()).isEqualTo("OPEN");
    ItemRatings.Receipt r = ratings.rate(t, "4", " 施工规范 ");
    assertThat(r.rating()).isEqualTo(4);
    assertThat(r.comment()).isEqualTo("施工规范");
    assertThat(r.receiptNo()).matches("[0-9A-F]{10}");
    assertThat(ratings.view(t).state()).isEqualTo("USED");
    assertThat(refusal(() -> ratings.rate(t, 5, null))).containsExactly("token used");
    assertThat(store.ratings(1)).containsExactly(4);
    assertThat(refusal(() -> ratings.rate("no-such-token", 5, null))).containsExactly("token unknown");
    assertThat(refusal(() -> ratings.rate("x".repeat(65), 5, null))).containsExactly("token unknown");
    assertThat(refusal(() -> ratings.view("no-such-token"))).containsExactly("token unknown");
  }

  @Test
  void theViewShowsTheItemNotTheRater() {
    open();
    ItemRatings.View v = ratings.view(token("PARTICIPANT"));
    assertThat(v.measure()).isEqualTo("加装电梯井道施工");
    assertThat(v.unitName()).isEqualTo("县住建局");
    assertThat(v.reported()).isEqualTo("井道已完工");
    assertThat(v.communityName()).isEqualTo("华林社区");
    assertThat(v.toString()).doesNotContain("hualin-owners", "101");
  }

  @Test
  void aClosedWindowRefusesTheToken() {
    ItemEvaluations.Opened o = open();
    store.closesAt(o.evaluationId(), NOW.minusMinutes(1));
    String t = token("HOUSEHOLD");
    assertThat(ratings.view(t).state()).isEqualTo("EXPIRED");
    assertThat(refusal(() -> ratings.rate(t, 5, null))).containsExactly("token expired");
    assertThat(store.ratings(o.evaluationId())).isEmpty();
  }

  @Test
  void aGoodAveragePasses() {
    ItemEvaluations.Opened o = open();
    ratings.rate(token("HOUSEHOLD"), 4, null);
    ratings.rate(token("PARTICIPANT"), 2, null);
    ItemEvaluations.Closed c = evaluations.close(o.evaluationId());
    assertThat(c.result().outcome()).isEqualTo(Outcome.PASSED);
    assertThat(c.result().average()).isEqualByComparingTo("3.00");
    assertThat(store.evaluations.get(o.evaluationId()).status()).isEqualTo("PASSED");
    assertThat(store.evaluations.get(o.evaluationId()).distribution()).isEqualTo("0,1,0,1,0");
    assertThat(store.reopened).isEmpty();
    verify(f.orders, never()).raise(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean(), any());
    f.noted("system", TimelineAction.ITEM_EVALUATED, "2人评价，平均3.00分（评价通过）");
    // closing again changes nothing
    assertThat(evaluations.close(o.evaluationId()).result().outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void aPoorAverageReopensTheItemWithASupervisionOrder() {
    SupervisionStore.OpenItem open = new SupervisionStore.OpenItem(SupervisionStore.ItemType.ITEM, ITEM, CASE_ID, CASE_NO,
        "三栋加装电梯", "hualin", "ROOM", "housing", "加装电梯井道施工", NOW, "p-1", null);
    when(f.sessions.supervisableItem(ITEM)).thenReturn(Optional.of(open));
    ItemEvaluations.Opened o = open();
    ratings.rate(token("HOUSEHOLD"), 2, "漏水");
    ItemEvaluations.Closed c = evaluations.close(o.evaluationId());
    assertThat(c.result().outcome()).isEqualTo(Outcome.REWORK);
    assertThat(store.reopened).containsKey(ITEM);
    // rework days (5) from Tuesday 10 March: Tuesday 17 March
    assertThat(store.reopened.get(ITEM)).isEqualTo(OffsetDateTime.parse("2026-03-17T18:00:00+08:00"));
    verify(f.orders).raise(eq(open), eq("evaluation-" + o.evaluationId()), eq(ItemEvaluations.SOURCE), isNull(), eq(false),
        contains("民事民评平均2.00分，低于3.00分，退回责任单位整改"));
    // a second round of the reworked item
    assertThat(open().evaluationId()).isNotEqualTo(o.evaluationId());
    assertThat(store.evaluations.values()).extracting(e -> e.round()).containsExactly(1, 2);
  }

  @Test
  void noRatingsIsRecordedWithoutRework() {
    ItemEvaluations.Opened o = open();
    ItemEvaluations.Closed c = evaluations.close(o.evaluationId());
    assertThat(c.result().outcome()).isEqualTo(Outcome.NO_RATINGS);
    assertThat(store.evaluations.get(o.evaluationId()).status()).isEqualTo("NO_RATINGS");
    assertThat(store.reopened).isEmpty();
    verify(f.orders, never()).raise(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean(), any());
    f.noted("system", TimelineAction.ITEM_EVALUATED, "无人评价");
  }

  @Test
  void anUnknownRoundIsRefused() {
    assertThat(refusal(() -> evaluations.close(99))).containsExactly("evaluationId unknown");
    verify(f.sessions, never()).supervisableItem(anyLong());
  }
}
