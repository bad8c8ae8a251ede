package cn.yishi.application;

import static cn.yishi.application.ApplicationFixtures.CASE_ID;
import static cn.yishi.application.ApplicationFixtures.CASE_NO;
import static cn.yishi.application.ApplicationFixtures.CLOCK;
import static cn.yishi.application.ApplicationFixtures.NOW;
import static cn.yishi.application.ApplicationFixtures.endOfDay;
import static cn.yishi.application.ApplicationFixtures.refusal;
import static cn.yishi.application.ApplicationFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.CaseProcesses;
import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Deadlines;
import cn.yishi.application.port.Evaluations;
import cn.yishi.application.port.Timeline;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.TimelineAction;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** 一件一评价: the single-use link, the rating, rework with escalation at the third miss, and closing. */
class EvaluationServiceTest {
  private static final String TOKEN = "tok-1";

  private final CaseRepository repository = mock(CaseRepository.class);
  private final Evaluations evaluations = mock(Evaluations.class);
  private final CaseProcesses processes = mock(CaseProcesses.class);
  private final RecordingTimeline timeline = new RecordingTimeline();
  private final RecordingOutbox outbox = new RecordingOutbox();
  private final Cases cases = new Cases(repository, timeline, CLOCK, ApplicationFixtures.calendar(),
      ApplicationFixtures.directory(), mock(Deadlines.class));
  /** 10 working days at the room, so that an escalation's deadline differs from the rework's 5. */
  private final HandlingProperties properties = new HandlingProperties(Map.of(Tier.ROOM, 10), 0, 0, Duration.ofDays(7));
  private final EvaluationService service = new EvaluationService(cases, evaluations, processes, properties,
      new ReporterNotices(repository, outbox, ApplicationFixtures.BASE_URL, ApplicationFixtures.templates()),
      ApplicationFixtures.BASE_URL + "/", repository);

  private void token(Evaluations.Token t) {
    when(evaluations.findToken(t.token())).thenReturn(Optional.of(t));
  }

  private static Evaluations.Token fresh() {
    return new Evaluations.Token(TOKEN, CASE_ID, 0, NOW.plusDays(6), null);
  }

  @Test
  void aLinkIsSentToTheReportersAddressAndNoted() {
    stored(repository, ApplicationFixtures.resolved(1, 1));
    when(repository.findReporter(CASE_ID)).thenReturn(Optional.of(new Reporter(null, null, "wang@example.cn", null)));

    EvaluationService.Requested requested = service.request(CASE_NO);
    assertThat(requested.byMail()).isTrue();
    assertThat(requested.linkValidity()).isEqualTo(java.time.Duration.ofDays(7));
    assertThat(requested.visitDue()).as("the visit is due working days after the link expires")
        .isEqualTo(ApplicationFixtures.calendar().deadline(NOW.plusDays(7), properties.supervisionDays()));

    ArgumentCaptor<String> token = ArgumentCaptor.forClass(String.class);
    verify(evaluations).insertToken(token.capture(), eq(CASE_ID), eq(1), eq(NOW), eq(NOW.plusDays(7)));
    assertThat(token.getValue()).as("32 random bytes, URL-safe").matches("[A-Za-z0-9_-]{43}");
    assertThat(outbox.queued()).singleElement().satisfies(m -> {
      assertThat(m.dedupKey()).isEqualTo("evaluation:" + CASE_NO + ":1");
      assertThat(m.recipient()).isEqualTo("wang@example.cn");
      assertThat(m.body()).contains("link=[https://yishi.example/public/evaluations/" + token.getValue() + "]",
          "result=[已更换灯泡]");
    });
    assertThat(timeline.entries(CASE_ID)).containsExactly(
        new Timeline.Entry(NOW, "system", TimelineAction.EVALUATION_REQUESTED, "已发送评价链接", false));
  }

  @Test
  void withoutAnAddressNoLinkIsMade() {
    stored(repository, ApplicationFixtures.resolved(0, 0));
    when(repository.findReporter(CASE_ID)).thenReturn(Optional.of(new Reporter("王芳", "13800000000", null, null)));

    assertThat(service.request(CASE_NO).byMail()).isFalse();

    verifyNoInteractions(evaluations);
    assertThat(outbox.queued()).isEmpty();
    assertThat(timeline.all()).isEmpty();
  }

  @Test
  void anUnknownCaseGetsNoLink() {
    assertThatThrownBy(() -> service.request("FX-2026-999999")).isInstanceOf(CaseNotFound.class);
    verifyNoInteractions(evaluations);
  }

  @Test
  void theLinkShowsTheCasesResult() {
    stored(repository, ApplicationFixtures.resolved(0, 0));
    token(fresh());

    assertThat(service.view(TOKEN)).isEqualTo(new EvaluationService.LinkView(CASE_NO, "路灯不亮", "已更换灯泡", NOW.plusDays(6)));
  }

  @Test
  void anUnknownUsedOrExpiredLinkIsRefused() {
    token(new Evaluations.Token("used", CASE_ID, 0, NOW.plusDays(1), NOW.minusHours(1)));
    token(new Evaluations.Token("old", CASE_ID, 0, NOW.minusSeconds(1), null));

    assertThat(reason(() -> service.view("nope"))).isEqualTo(EvaluationService.LinkRefused.Reason.UNKNOWN);
    assertThat(reason(() -> service.view(null))).isEqualTo(EvaluationService.LinkRefused.Reason.UNKNOWN);
    assertThat(reason(() -> service.view("x".repeat(65)))).isEqualTo(EvaluationService.LinkRefused.Reason.UNKNOWN);
    assertThat(reason(() -> service.view("used"))).isEqualTo(EvaluationService.LinkRefused.Reason.USED);
    assertThat(reason(() -> service.submit("old", 5, null))).isEqualTo(EvaluationService.LinkRefused.Reason.EXPIRED);
    verify(evaluations, never()).findToken("x".repeat(65));
    verify(evaluations, never()).markUsed(anyString(), any());
    verifyNoInteractions(processes);
  }

  private static EvaluationService.LinkRefused.Reason reason(ThrowingCallable call) {
    return catchThrowableOfType(EvaluationService.LinkRefused.class, call).reason();
  }

  @Test
  void aRatingThroughTheLinkUsesItAndGoesToTheWaitingCase() {
    stored(repository, ApplicationFixtures.resolved(0, 0));
    token(fresh());
    when(evaluations.markUsed(TOKEN, NOW)).thenReturn(true);

    assertThat(service.submit(TOKEN, 4, "  修得很快  ")).isEqualTo(CASE_NO);

    verify(evaluations).markUsed(TOKEN, NOW);
    verify(processes).deliverEvaluation(CASE_NO, 4, "修得很快");
  }

  @Test
  void aSecondSubmissionThatLosesTheRaceIsRefusedAsUsed() {
    token(fresh());
    when(evaluations.markUsed(TOKEN, NOW)).thenReturn(false);

    assertThat(reason(() -> service.submit(TOKEN, 4, null))).isEqualTo(EvaluationService.LinkRefused.Reason.USED);
    verifyNoInteractions(processes);
  }

  @Test
  void aBadRatingIsRefusedAndTheLinkStaysUnused() {
    token(fresh());

    assertThat(refusal(() -> service.submit(TOKEN, null, null))).containsExactly("satisfaction/required");
    assertThat(refusal(() -> service.submit(TOKEN, 0, null))).containsExactly("satisfaction/out_of_range");
    assertThat(refusal(() -> service.submit(TOKEN, 6, null))).containsExactly("satisfaction/out_of_range");
    assertThat(refusal(() -> service.submit(TOKEN, 5, "长".repeat(1001)))).containsExactly("evaluationComment/too_long");
    verify(evaluations, never()).markUsed(anyString(), any());
    verifyNoInteractions(processes);
  }

  @Test
  void aVisitsRatingIsRecordedOnTheCaseAndStored() {
    stored(repository, ApplicationFixtures.resolved(1, 1));

    assertThat(service.record(CASE_NO, 4, "满意", EvaluationService.SOURCE_VISIT, "grid.li")).isTrue();

    ArgumentCaptor<CaseFile> saved = ArgumentCaptor.forClass(CaseFile.class);
    verify(repository).save(saved.capture(), eq(NOW));
    assertThat(saved.getValue().satisfaction()).isEqualTo(4);
    verify(evaluations).insertEvaluation(CASE_ID, 1, 4, "满意", EvaluationService.SOURCE_VISIT, "grid.li", NOW);
    assertThat(timeline.entries(CASE_ID)).containsExactly(
        new Timeline.Entry(NOW, "grid.li", TimelineAction.EVALUATED, "满意度 4 分（网格员回访）", true));
  }

  @Test
  void anUnsatisfiedOnlineRatingIsRecordedToo() {
    stored(repository, ApplicationFixtures.resolved(0, 0));

    assertThat(service.record(CASE_NO, 2, null, EvaluationService.SOURCE_LINK, "resident")).isFalse();

    verify(evaluations).insertEvaluation(CASE_ID, 0, 2, null, EvaluationService.SOURCE_LINK, "resident", NOW);
    assertThat(timeline.entries(CASE_ID)).extracting(Timeline.Entry::note).containsExactly("满意度 2 分（群众在线评价）");
  }

  @Test
  void aRatingIsRefusedBeforeTheCaseIsTouched() {
    stored(repository, ApplicationFixtures.resolved(0, 0));

    assertThat(refusal(() -> service.record(CASE_NO, null, null, EvaluationService.SOURCE_VISIT, "grid.li")))
        .containsExactly("satisfaction/required");
    assertThat(refusal(() -> service.record(CASE_NO, 9, null, EvaluationService.SOURCE_VISIT, "grid.li")))
        .containsExactly("satisfaction/out_of_range");
    verify(repository, never()).save(any(), any());
    verify(evaluations, never()).insertEvaluation(anyLong(), anyInt(), anyInt(), any(), any(), any(), any());
  }

  @Test
  void aCaseNotYetResolvedCannotBeRated() {
    stored(repository, ApplicationFixtures.inProgress(Tier.STATION, "water", endOfDay("2026-03-05")));

    assertThat(refusal(() -> service.record(CASE_NO, 4, null, EvaluationService.SOURCE_VISIT, "grid.li")))
        .containsExactly("status/not_resolved");
    verify(repository, never()).save(any(), any());
    verify(evaluations, never()).insertEvaluation(anyLong(), anyInt(), anyInt(), any(), any(), any(), any());
  }

  @Test
  void reworkGivesTheReworkDeadlineAndGoesBackToTheUnitAndTier() {
    stored(repository, ApplicationFixtures.resolved(0, 0));

    Routing r = service.rework(CASE_NO, " 灯还是不亮 ");

    ArgumentCaptor<CaseFile> saved = ArgumentCaptor.forClass(CaseFile.class);
    verify(repository).save(saved.capture(), eq(NOW));
    assertThat(saved.getValue().status()).isEqualTo(CaseStatus.REWORK);
    assertThat(saved.getValue().deadline()).as("5 working days, past the holiday").isEqualTo(endOfDay("2026-03-12"));
    assertThat(r.deadline()).isEqualTo(endOfDay("2026-03-12"));
    assertThat(r.handlerGroups()).containsExactly("unit-water", "station-hualin-a");
    assertThat(timeline.entries(CASE_ID)).containsExactly(
        new Timeline.Entry(NOW, "system", TimelineAction.REWORK, "群众不满意，退回整改：灯还是不亮", true));
    assertThat(outbox.queued()).isEmpty();
  }

  @Test
  void theThirdUnsatisfiedRatingEscalatesAndTellsTheReporter() {
    stored(repository, ApplicationFixtures.resolved(2, 2));
    when(repository.findReporter(CASE_ID)).thenReturn(Optional.of(new Reporter(null, null, "wang@example.cn", null)));

    Routing r = service.rework(CASE_NO, null);

    assertThat(r.tier()).isEqualTo("ROOM");
    assertThat(r.deadline()).as("the room's 10 working days").isEqualTo(endOfDay("2026-03-19"));
    assertThat(r.handlerGroups()).containsExactly("unit-water", "hualin-room");
    assertThat(timeline.entries(CASE_ID)).extracting(Timeline.Entry::action, Timeline.Entry::note).containsExactly(
        tuple(TimelineAction.REWORK, "群众不满意，退回整改"),
        tuple(TimelineAction.ESCALATED, "第3次不满意，自动上报"));
    assertThat(outbox.queued()).extracting(RecordingOutbox.Mail::dedupKey).containsExactly("escalated:" + CASE_NO + ":ROOM");
  }

  @Test
  void atTheCountyTheThirdMissDoesNotEscalate() {
    CaseFile c = ApplicationFixtures.resolved(2, 2);
    c.restore(CaseStatus.RESOLVED, c.suggested(), null, c.urgency(), Tier.COUNTY, c.disposal(), "water", null,
        c.deadline(), c.responseDeadline(), c.processInstanceId(), c.resultNote(), null, 0, 0, 2, 2, NOW, null, NOW);
    stored(repository, c);

    assertThat(service.rework(CASE_NO, null).tier()).isEqualTo("COUNTY");
    assertThat(timeline.entries(CASE_ID)).extracting(Timeline.Entry::action).containsExactly(TimelineAction.REWORK);
  }

  @Test
  void aSatisfiedCaseIsClosedAndAnUnresolvedOneIsNot() {
    stored(repository, ApplicationFixtures.resolved(0, 0));

    service.close(CASE_NO);

    ArgumentCaptor<CaseFile> saved = ArgumentCaptor.forClass(CaseFile.class);
    verify(repository).save(saved.capture(), eq(NOW));
    assertThat(saved.getValue().status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(saved.getValue().closedAt()).isEqualTo(NOW);
    assertThat(timeline.entries(CASE_ID)).containsExactly(
        new Timeline.Entry(NOW, "system", TimelineAction.CLOSED, "群众满意，销号", true));

    stored(repository, ApplicationFixtures.inProgress(Tier.STATION, "water", endOfDay("2026-03-05")));
    assertThat(refusal(() -> service.close(CASE_NO))).containsExactly("status/not_resolved");
  }
}
