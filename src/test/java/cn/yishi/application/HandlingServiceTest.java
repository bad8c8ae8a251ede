package cn.yishi.application;

import static cn.yishi.application.ApplicationFixtures.CASE_ID;
import static cn.yishi.application.ApplicationFixtures.CASE_NO;
import static cn.yishi.application.ApplicationFixtures.CLOCK;
import static cn.yishi.application.ApplicationFixtures.NOW;
import static cn.yishi.application.ApplicationFixtures.PROCESS;
import static cn.yishi.application.ApplicationFixtures.endOfDay;
import static cn.yishi.application.ApplicationFixtures.refusal;
import static cn.yishi.application.ApplicationFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.CaseProcesses;
import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.CoUnits;
import cn.yishi.application.port.Deadlines;
import cn.yishi.application.port.SupervisionStore;
import cn.yishi.application.port.Timeline;
import cn.yishi.application.supervision.SupervisionOrders;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.TimelineAction;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Handling: dispatch or the claim pool, progress, the handler's answer, escalation and the missed deadline. The
 * supervision order of a missed deadline is {@link SupervisionOrders}' work (tested on its own); here it is a mock
 * whose arguments are checked.
 */
class HandlingServiceTest {
  private static final OffsetDateTime MISSED = endOfDay("2026-03-03");

  private final CaseRepository repository = mock(CaseRepository.class);
  private final SupervisionStore store = mock(SupervisionStore.class);
  private final SupervisionOrders orders = mock(SupervisionOrders.class);
  private final CoUnits coUnits = mock(CoUnits.class);
  private final RecordingTimeline timeline = new RecordingTimeline();
  private final RecordingOutbox outbox = new RecordingOutbox();
  private final Cases cases = new Cases(repository, timeline, CLOCK, ApplicationFixtures.calendar(),
      ApplicationFixtures.directory(), mock(Deadlines.class));
  private final HandlingService service = new HandlingService(cases, ApplicationFixtures.handling(),
      new ReporterNotices(repository, outbox, ApplicationFixtures.BASE_URL, ApplicationFixtures.templates()),
      orders, store, ApplicationFixtures.directory(), new CoHandlingService(cases, coUnits, mock(CaseProcesses.class),
          ApplicationFixtures.directory()));

  @BeforeEach
  void theReporterLeftAnAddress() {
    when(repository.findReporter(CASE_ID)).thenReturn(Optional.of(new Reporter(null, null, "wang@example.cn", null)));
  }

  private CaseFile saved() {
    ArgumentCaptor<CaseFile> saved = ArgumentCaptor.forClass(CaseFile.class);
    verify(repository, atLeastOnce()).save(saved.capture(), eq(NOW));
    return saved.getValue();
  }

  private void nothingChanged() {
    verify(repository, never()).save(any(), any());
    assertThat(timeline.all()).isEmpty();
  }

  private CaseFile accepted() {
    return stored(repository, ApplicationFixtures.withState(CaseStatus.ACCEPTED, Tier.STATION, null, endOfDay("2026-03-10"), 0, 0, 0));
  }

  @Test
  void theRoutingAndTheClaimPoolComeFromTheDirectory() {
    stored(repository, ApplicationFixtures.inProgress(Tier.ROOM, "water", endOfDay("2026-03-10")));

    assertThat(service.routing(CASE_NO).handlerGroups()).containsExactly("unit-water");
    assertThat(service.claimGroups(CASE_NO)).as("a hualin case: the county departments and hualin's property company")
        .containsExactly("unit-water", "unit-hualin-property", "unit-roads");
  }

  @Test
  void theDispatchCentreAssignsAUnit() {
    accepted();

    assertThat(service.dispatch(CASE_NO, " ASSIGN ", " water ", "dispatch.li")).isEqualTo(HandlingService.DispatchMode.ASSIGN);

    CaseFile c = saved();
    assertThat(c.responsibleUnit()).isEqualTo("water");
    assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
    assertThat(timeline.entries(CASE_ID)).containsExactly(
        new Timeline.Entry(NOW, "dispatch.li", TimelineAction.ASSIGNED, "责任单位：县供水公司", true));
  }

  @Test
  void orPublishesTheCaseToTheClaimPool() {
    accepted();

    assertThat(service.dispatch(CASE_NO, "POOL", null, "dispatch.li")).isEqualTo(HandlingService.DispatchMode.POOL);

    assertThat(saved().responsibleUnit()).isNull();
    assertThat(timeline.entries(CASE_ID)).containsExactly(new Timeline.Entry(NOW, "dispatch.li",
        TimelineAction.PUBLISHED_TO_POOL, "发布至项目池，等待责任单位认领", true));
  }

  @Test
  void aDispatchWithoutModeOrUnitIsRefused() {
    accepted();

    assertThat(refusal(() -> service.dispatch(CASE_NO, null, "water", "d"))).containsExactly("assignMode/required");
    assertThat(refusal(() -> service.dispatch(CASE_NO, "LOTTERY", "water", "d"))).containsExactly("assignMode/invalid");
    assertThat(refusal(() -> service.dispatch(CASE_NO, "ASSIGN", " ", "d"))).containsExactly("responsibleUnit/required");
    assertThat(refusal(() -> service.dispatch(CASE_NO, "ASSIGN", "gas", "d"))).containsExactly("responsibleUnit/unknown");
    nothingChanged();
  }

  @Test
  void aMemberOfTheUnitClaimsTheCase() {
    accepted();

    service.claim(CASE_NO, "water", "water.zhang", List.of("unit-water", "other"));

    assertThat(saved().responsibleUnit()).isEqualTo("water");
    assertThat(timeline.entries(CASE_ID)).containsExactly(
        new Timeline.Entry(NOW, "water.zhang", TimelineAction.CLAIMED, "认领单位：县供水公司", true));
  }

  @Test
  void onlyAMemberOfTheUnitClaimsForIt() {
    accepted();

    assertThat(refusal(() -> service.claim(CASE_NO, "water", "roads.wu", List.of("unit-roads"))))
        .containsExactly("responsibleUnit/not_member");
    assertThat(refusal(() -> service.claim(CASE_NO, "water", "roads.wu", null))).containsExactly("responsibleUnit/not_member");
    assertThat(refusal(() -> service.claim(CASE_NO, null, "roads.wu", List.of()))).containsExactly("responsibleUnit/required");
    assertThat(refusal(() -> service.claim(CASE_NO, "gas", "roads.wu", List.of("unit-gas")))).containsExactly("responsibleUnit/unknown");
    nothingChanged();
  }

  @Test
  void progressIsAPublicNoteAndMovesTheLastProgressTime() {
    stored(repository, ApplicationFixtures.inProgress(Tier.STATION, "water", endOfDay("2026-03-10")));

    service.progress(CASE_NO, "  已订购灯具  ", "water.zhang");

    assertThat(timeline.entries(CASE_ID)).containsExactly(
        new Timeline.Entry(NOW, "water.zhang", TimelineAction.PROGRESS, "已订购灯具", true));
    verify(store).touchCaseProgress(CASE_ID, NOW);
    verify(repository, never()).save(any(), any());
  }

  @Test
  void progressWithoutTextOrOnAClosedCaseIsRefused() {
    stored(repository, ApplicationFixtures.withState(CaseStatus.CLOSED, Tier.STATION, "water", null, 0, 0, 0));

    assertThat(refusal(() -> service.progress(CASE_NO, "  ", "w"))).containsExactly("note/required");
    assertThat(refusal(() -> service.progress(CASE_NO, "长".repeat(2001), "w"))).containsExactly("note/too_long");
    assertThat(refusal(() -> service.progress(CASE_NO, "已处理", "w"))).containsExactly("caseNo/closed");
    assertThatThrownBy(() -> service.progress("FX-2026-999999", "已处理", "w")).isInstanceOf(CaseNotFound.class);
    assertThat(timeline.all()).isEmpty();
    verifyNoInteractions(store);
  }

  @Test
  void aResolvedCaseKeepsTheResult() {
    stored(repository, ApplicationFixtures.inProgress(Tier.STATION, "water", endOfDay("2026-03-10")));

    Routing r = service.handle(CASE_NO, "RESOLVED", " 已更换灯泡 ", null, "water.zhang");

    CaseFile c = saved();
    assertThat(c.status()).isEqualTo(CaseStatus.RESOLVED);
    assertThat(c.resultNote()).isEqualTo("已更换灯泡");
    assertThat(c.resolvedAt()).isEqualTo(NOW);
    assertThat(r.handlerGroups()).containsExactly("unit-water", "station-hualin-a");
    assertThat(timeline.entries(CASE_ID)).containsExactly(
        new Timeline.Entry(NOW, "water.zhang", TimelineAction.RESOLVED, "已更换灯泡", true));
    assertThat(outbox.queued()).isEmpty();
  }

  @Test
  void anEscalationMovesUpOneTierWithTheTiersDaysAndTellsTheReporter() {
    stored(repository, ApplicationFixtures.inProgress(Tier.STATION, "water", endOfDay("2026-03-10")));

    Routing r = service.handle(CASE_NO, "ESCALATE", null, " 需要更换电缆 ", "water.zhang");

    CaseFile c = saved();
    assertThat(c.tier()).isEqualTo(Tier.ROOM);
    assertThat(c.deadline()).as("the room's 5 working days").isEqualTo(endOfDay("2026-03-12"));
    assertThat(r.tier()).isEqualTo("ROOM");
    assertThat(r.handlerGroups()).containsExactly("unit-water", "hualin-room");
    assertThat(timeline.entries(CASE_ID)).containsExactly(new Timeline.Entry(NOW, "water.zhang",
        TimelineAction.ESCALATED, "需要更换电缆（小区党群会客站 → 社区党群会客室）", true));
    assertThat(outbox.queued()).extracting(RecordingOutbox.Mail::dedupKey).containsExactly("escalated:" + CASE_NO + ":ROOM");
  }

  @Test
  void theHandlersAnswerNeedsItsText() {
    stored(repository, ApplicationFixtures.inProgress(Tier.STATION, "water", endOfDay("2026-03-10")));

    assertThat(refusal(() -> service.handle(CASE_NO, null, "x", null, "w"))).containsExactly("outcome/required");
    assertThat(refusal(() -> service.handle(CASE_NO, "DONE", "x", null, "w"))).containsExactly("outcome/invalid");
    assertThat(refusal(() -> service.handle(CASE_NO, "RESOLVED", " ", null, "w"))).containsExactly("resultNote/required");
    assertThat(refusal(() -> service.handle(CASE_NO, "RESOLVED", "长".repeat(2001), null, "w"))).containsExactly("resultNote/too_long");
    assertThat(refusal(() -> service.handle(CASE_NO, "ESCALATE", "x", null, "w"))).containsExactly("escalationReason/required");
    nothingChanged();
  }

  @Test
  void theCountyCannotEscalate() {
    stored(repository, ApplicationFixtures.inProgress(Tier.COUNTY, "water", endOfDay("2026-03-10")));

    assertThat(refusal(() -> service.escalate(CASE_NO, "太难", "w"))).containsExactly("tier/top");
    nothingChanged();
    assertThat(outbox.queued()).isEmpty();
  }

  @Test
  void aDeliberatedCaseIsResolvedWhenItsItemsAreDone() {
    stored(repository, ApplicationFixtures.withState(CaseStatus.DELIBERATING, Tier.ROOM, null, endOfDay("2026-03-10"), 0, 0, 0));

    service.resolveAfterDeliberation(CASE_NO);

    assertThat(saved().status()).isEqualTo(CaseStatus.RESOLVED);
    assertThat(timeline.entries(CASE_ID)).containsExactly(
        new Timeline.Entry(NOW, "system", TimelineAction.RESOLVED, "协商议事决议事项已全部落实", true));
  }

  @Test
  void aMissedDeadlineRaisesASupervisionOrderAndGivesANewDeadline() {
    stored(repository, ApplicationFixtures.inProgress(Tier.STATION, "water", MISSED));

    HandlingService.Overdue o = service.overdue(CASE_NO);

    assertThat(o.escalated()).isFalse();
    CaseFile c = saved();
    assertThat(c.overdueCount()).isEqualTo(1);
    assertThat(c.deadline()).as("2 working days, past the holiday").isEqualTo(endOfDay("2026-03-09"));
    assertThat(o.routing().deadline()).isEqualTo(endOfDay("2026-03-09"));
    assertThat(timeline.entries(CASE_ID)).containsExactly(
        new Timeline.Entry(NOW, "system", TimelineAction.OVERDUE, "超过办理期限（第1次），已督办", true));
    ArgumentCaptor<SupervisionStore.OpenItem> item = ArgumentCaptor.forClass(SupervisionStore.OpenItem.class);
    verify(orders).raise(item.capture(), eq("DL:2026-03-03T10:00:00Z"), eq(SupervisionOrders.SOURCE_DEADLINE), isNull(),
        eq(false), eq("已超过办理期限（第1次）"));
    assertThat(item.getValue()).isEqualTo(new SupervisionStore.OpenItem(SupervisionStore.ItemType.CASE, CASE_ID, CASE_ID,
        CASE_NO, "路灯不亮", "hualin", "STATION", "water", null, MISSED, PROCESS, null));
    assertThat(outbox.queued()).isEmpty();
  }

  @Test
  void theSecondMissInARowEscalates() {
    stored(repository, ApplicationFixtures.withState(CaseStatus.IN_PROGRESS, Tier.STATION, "water", MISSED, 1, 0, 0));

    HandlingService.Overdue o = service.overdue(CASE_NO);

    assertThat(o.escalated()).isTrue();
    assertThat(o.routing().tier()).isEqualTo("ROOM");
    assertThat(o.routing().deadline()).isEqualTo(endOfDay("2026-03-12"));
    assertThat(timeline.entries(CASE_ID)).extracting(Timeline.Entry::action, Timeline.Entry::note).containsExactly(
        tuple(TimelineAction.OVERDUE, "超过办理期限（第2次），已督办"),
        tuple(TimelineAction.ESCALATED, "连续两次逾期，自动上报（小区党群会客站 → 社区党群会客室）"));
    verify(orders).raise(any(), eq("DL:2026-03-03T10:00:00Z"), eq(SupervisionOrders.SOURCE_DEADLINE), isNull(),
        eq(false), eq("已超过办理期限（第2次）"));
    assertThat(outbox.queued()).extracting(RecordingOutbox.Mail::dedupKey).containsExactly("escalated:" + CASE_NO + ":ROOM");
  }

  @Test
  void aCaseWithoutDeadlineIsOrderedOncePerMiss() {
    stored(repository, ApplicationFixtures.inProgress(Tier.STATION, "water", null));

    service.overdue(CASE_NO);

    verify(orders).raise(any(), eq("DL:none:1"), anyString(), isNull(), anyBoolean(), anyString());
  }

  @Test
  void aDeadlineMovedIntoTheFutureWasNotMissed() {
    stored(repository, ApplicationFixtures.inProgress(Tier.ROOM, "water", endOfDay("2026-03-05")));

    HandlingService.Overdue o = service.overdue(CASE_NO);

    assertThat(o.escalated()).isFalse();
    assertThat(o.routing().deadline()).isEqualTo(endOfDay("2026-03-05"));
    nothingChanged();
    verifyNoInteractions(orders);
    verify(store, never()).touchCaseProgress(anyLong(), any());
  }

  @Test
  void theLeadOfACoHandledCaseCannotReportTheJointResultWhileACoUnitIsAtWork() {
    stored(repository, ApplicationFixtures.inProgress(Tier.STATION, "water", endOfDay("2026-03-10")));
    when(coUnits.of(CASE_ID)).thenReturn(List.of(new CoUnits.CoUnit("roads", CoUnits.Status.OPEN, null, null, null)));

    assertThat(refusal(() -> service.handle(CASE_NO, "RESOLVED", "已联合整治", null, "unit.water")))
        .containsExactly("outcome/co_units_open");
    nothingChanged();

    assertThat(service.handle(CASE_NO, "ESCALATE", null, "须县里协调", "unit.water")).as("escalating stays possible").isNotNull();

    when(coUnits.of(CASE_ID)).thenReturn(List.of(new CoUnits.CoUnit("roads", CoUnits.Status.FINISHED, "已清理", "r", NOW)));
    service.handle(CASE_NO, "RESOLVED", "已联合整治", null, "unit.water");
    assertThat(saved().status()).isEqualTo(CaseStatus.RESOLVED);
  }
}
