package cn.yishi.application.supervision;

import static cn.yishi.application.ApplicationFixtures.CASE_ID;
import static cn.yishi.application.ApplicationFixtures.CASE_NO;
import static cn.yishi.application.ApplicationFixtures.CLOCK;
import static cn.yishi.application.ApplicationFixtures.NOW;
import static cn.yishi.application.ApplicationFixtures.PROCESS;
import static cn.yishi.application.ApplicationFixtures.endOfDay;
import static cn.yishi.application.ApplicationFixtures.refusal;
import static cn.yishi.application.ApplicationFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.yishi.application.ApplicationFixtures;
import cn.yishi.application.Cases;
import cn.yishi.application.RecordingOutbox;
import cn.yishi.application.RecordingTimeline;
import cn.yishi.application.port.CaseProcesses;
import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Deadlines;
import cn.yishi.application.port.SupervisionStore.ItemType;
import cn.yishi.application.port.SupervisionStore.OpenItem;
import cn.yishi.application.port.SupervisionStore;
import cn.yishi.application.port.Timeline;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.TimelineAction;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * One supervision order: the order row once per item and period, the unit's mail, a timeline entry and the
 * supervisor's task in the case's process. Due in 2 working days: Monday 9 March, past the Friday holiday.
 */
class SupervisionOrdersTest {
  private static final OffsetDateTime MISSED = endOfDay("2026-03-02");
  private static final OffsetDateTime DUE = endOfDay("2026-03-09");
  private static final String PERIOD = "2026-03-1";

  private final CaseRepository repository = mock(CaseRepository.class);
  private final SupervisionStore store = mock(SupervisionStore.class);
  private final CaseProcesses processes = mock(CaseProcesses.class);
  private final RecordingTimeline timeline = new RecordingTimeline();
  private final RecordingOutbox outbox = new RecordingOutbox();
  private final SupervisionOrders orders = new SupervisionOrders(
      new Cases(repository, timeline, CLOCK, ApplicationFixtures.calendar(), ApplicationFixtures.directory(), mock(Deadlines.class)),
      store, outbox, processes, ApplicationFixtures.handling(), ApplicationFixtures.templates(),
      ApplicationFixtures.directory());

  private static OpenItem caseItem(String unit, String tier) {
    return new OpenItem(ItemType.CASE, CASE_ID, CASE_ID, CASE_NO, "路灯不亮", "hualin", tier, unit, null, MISSED, PROCESS, null);
  }

  private void orderIs(long id) {
    when(store.insertOrder(any())).thenReturn(Optional.of(id));
  }

  @Test
  void anOrderIsStoredMailedNotedAndGivenToTheSupervisor() {
    orderIs(11);

    Optional<SupervisionOrders.Raised> raised = orders.raise(caseItem("water", "STATION"), PERIOD,
        SupervisionOrders.SOURCE_SWEEP, 5L, false, "旬跟进：已超过办理期限");

    assertThat(raised).contains(new SupervisionOrders.Raised(11, false));
    verify(store).insertOrder(new SupervisionStore.NewOrder(ItemType.CASE, CASE_ID, CASE_ID, PERIOD,
        SupervisionOrders.SOURCE_SWEEP, 5L, "water", MISSED, DUE, false, false, NOW));
    assertThat(outbox.queued()).singleElement().satisfies(m -> {
      assertThat(m.dedupKey()).isEqualTo("supervision:CASE:42:2026-03-1");
      assertThat(m.recipient()).isEqualTo("water@fx.example");
      assertThat(m.subject()).isEqualTo("supervision");
      assertThat(m.caseId()).isEqualTo(CASE_ID);
      assertThat(m.body()).contains("unitName=[县供水公司]", "caseNo=[" + CASE_NO + "]", "title=[路灯不亮]",
          "item=[办件「路灯不亮」（" + CASE_NO + "）]", "deadline=[2026年3月2日]", "reason=[旬跟进：已超过办理期限]",
          "due=[2026年3月9日]");
    });
    assertThat(timeline.entries(CASE_ID)).containsExactly(new Timeline.Entry(NOW, "system", TimelineAction.SUPERVISED,
        "旬跟进：已超过办理期限，督办期限2026年3月9日。", true));
    verify(processes).supervise(PROCESS, new CaseProcesses.SupervisionTask(11, List.of("hualin-room", "dispatch-centre"),
        DUE, "办件「路灯不亮」（" + CASE_NO + "）旬跟进：已超过办理期限", "督办邮件已发送至县供水公司。", 70));
  }

  @Test
  void aListedResolutionItemGoesToTheTierAboveWithHigherPriority() {
    orderIs(12);
    OpenItem item = new OpenItem(ItemType.ITEM, 7, CASE_ID, CASE_NO, "加装电梯", "hualin", "ROOM", "hualin-property",
        "完成井道施工", MISSED, PROCESS, null);

    orders.raise(item, PERIOD, SupervisionOrders.SOURCE_SWEEP, 5L, true, "连续两旬逾期");

    assertThat(outbox.queued()).singleElement().satisfies(m -> {
      assertThat(m.dedupKey()).isEqualTo("supervision:ITEM:7:2026-03-1");
      assertThat(m.subject()).isEqualTo("supervision-listed");
      assertThat(m.recipient()).isEqualTo("property@fx.example");
      assertThat(m.body()).contains("item=[办件「加装电梯」（" + CASE_NO + "）的决议事项「完成井道施工」]");
    });
    assertThat(timeline.entries(CASE_ID)).containsExactly(new Timeline.Entry(NOW, "system", TimelineAction.LISTED,
        "决议事项「完成井道施工」：连续两旬逾期，督办期限2026年3月9日。", true));
    ArgumentCaptor<CaseProcesses.SupervisionTask> task = ArgumentCaptor.forClass(CaseProcesses.SupervisionTask.class);
    verify(processes).supervise(eq(PROCESS), task.capture());
    assertThat(task.getValue().supervisorGroups()).containsExactly("hall-fengchuan", "dispatch-centre");
    assertThat(task.getValue().priority()).isEqualTo(90);
    assertThat(task.getValue().reason()).startsWith("挂牌督办：办件「加装电梯」");
  }

  @Test
  void aUnitWithoutAddressGetsNoMailAndTheNoteSaysToCall() {
    orderIs(13);

    assertThat(orders.raise(caseItem("roads", "HALL"), PERIOD, SupervisionOrders.SOURCE_DEADLINE, null, false, "已超过办理期限"))
        .contains(new SupervisionOrders.Raised(13, true));

    assertThat(outbox.queued()).isEmpty();
    ArgumentCaptor<SupervisionStore.NewOrder> order = ArgumentCaptor.forClass(SupervisionStore.NewOrder.class);
    verify(store).insertOrder(order.capture());
    assertThat(order.getValue().contactMissing()).isTrue();
    String call = "责任单位“县公路局”未登记联系邮箱，督办邮件未能发出，请电话或当面通知。";
    assertThat(timeline.entries(CASE_ID)).extracting(Timeline.Entry::note)
        .containsExactly("已超过办理期限，督办期限2026年3月9日。" + call);
    ArgumentCaptor<CaseProcesses.SupervisionTask> task = ArgumentCaptor.forClass(CaseProcesses.SupervisionTask.class);
    verify(processes).supervise(eq(PROCESS), task.capture());
    assertThat(task.getValue().note()).isEqualTo(call);
    assertThat(task.getValue().supervisorGroups()).containsExactly("street-fengchuan", "dispatch-centre");
  }

  @Test
  void withoutUnitOrTierTheStationsSupervisorIsAskedToCall() {
    orderIs(14);

    assertThat(orders.raise(caseItem(null, null), PERIOD, SupervisionOrders.SOURCE_DEADLINE, null, false, "已超过办理期限"))
        .contains(new SupervisionOrders.Raised(14, true));

    assertThat(outbox.queued()).isEmpty();
    ArgumentCaptor<CaseProcesses.SupervisionTask> task = ArgumentCaptor.forClass(CaseProcesses.SupervisionTask.class);
    verify(processes).supervise(eq(PROCESS), task.capture());
    assertThat(task.getValue().note()).contains("（未定责任单位）");
    assertThat(task.getValue().supervisorGroups()).containsExactly("hualin-room", "dispatch-centre");
  }

  @Test
  void aUnitMissingFromTheDirectoryCountsAsWithoutAddress() {
    orderIs(15);

    assertThat(orders.raise(caseItem("gas", "STATION"), PERIOD, SupervisionOrders.SOURCE_SWEEP, 5L, false, "r"))
        .contains(new SupervisionOrders.Raised(15, true));
    assertThat(timeline.entries(CASE_ID)).extracting(Timeline.Entry::note).singleElement().asString().contains("“gas”");
  }

  @Test
  void aLongTitleIsShortInTheMail() {
    orderIs(16);
    String title = "路".repeat(45);
    OpenItem item = new OpenItem(ItemType.CASE, CASE_ID, CASE_ID, CASE_NO, title, "hualin", "STATION", "water", null,
        null, PROCESS, null);

    orders.raise(item, PERIOD, SupervisionOrders.SOURCE_SWEEP, 5L, false, "r");

    assertThat(outbox.queued().get(0).body()).contains("title=[" + "路".repeat(40) + "…]", "deadline=[未定]");
  }

  @Test
  void anItemOrderedInThePeriodAlreadyRaisesNothing() {
    when(store.insertOrder(any())).thenReturn(Optional.empty());

    assertThat(orders.raise(caseItem("water", "STATION"), PERIOD, SupervisionOrders.SOURCE_SWEEP, 5L, false, "r")).isEmpty();

    assertThat(outbox.queued()).isEmpty();
    assertThat(timeline.all()).isEmpty();
    verifyNoInteractions(processes);
  }

  @Test
  void theSupervisorsRecordGoesIntoTheTimelineOnce() {
    stored(repository, ApplicationFixtures.inProgress(Tier.STATION, "water", MISSED));
    when(store.completeOrder(11, "room.chen", "已电话督促", NOW)).thenReturn(true);
    when(store.completeOrder(12, "room.chen", null, NOW)).thenReturn(true);

    orders.complete(11, CASE_NO, "  已电话督促 ", "room.chen");
    orders.complete(12, CASE_NO, " ", "room.chen");
    orders.complete(13, CASE_NO, "再次督促", "room.chen");

    verify(store).completeOrder(13, "room.chen", "再次督促", NOW);
    assertThat(timeline.entries(CASE_ID)).containsExactly(
        new Timeline.Entry(NOW, "room.chen", TimelineAction.SUPERVISION_HANDLED, "已电话督促", false),
        new Timeline.Entry(NOW, "room.chen", TimelineAction.SUPERVISION_HANDLED, "已督促责任单位", false));
  }

  @Test
  void anOverlongRecordIsRefused() {
    assertThat(refusal(() -> orders.complete(11, CASE_NO, "长".repeat(2001), "room.chen")))
        .containsExactly("supervisionComment/too_long");
    verify(store, never()).completeOrder(anyLong(), anyString(), any(), any());
    assertThat(timeline.all()).isEmpty();
  }
}
