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
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Deadlines;
import cn.yishi.application.port.Timeline;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.Classification;
import cn.yishi.domain.casefile.Disposal;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.casefile.ReviewDecision;
import cn.yishi.domain.casefile.Suggestion;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.Urgency;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * 前置把关: accept with the suggested or an overridden classification (an override needs a reason), or decline
 * with a reason and a referral; the reporter hears either way. The case was registered on Tuesday 3 March at
 * 09:00 with the suggestion GREEN / STATION / COMMITTED / water; the review happens on Wednesday at 10:00.
 */
class ReviewServiceTest {
  private static final ReviewDecision ACCEPT = new ReviewDecision(true, null);

  private final CaseRepository repository = mock(CaseRepository.class);
  private final RecordingTimeline timeline = new RecordingTimeline();
  private final RecordingOutbox outbox = new RecordingOutbox();
  private final Cases cases = new Cases(repository, timeline, CLOCK, ApplicationFixtures.calendar(),
      ApplicationFixtures.directory(), mock(Deadlines.class));
  private final ReviewService service = new ReviewService(cases,
      new ReporterNotices(repository, outbox, ApplicationFixtures.BASE_URL, ApplicationFixtures.templates()),
      ApplicationFixtures.directory(), ApplicationFixtures.calendar());

  @BeforeEach
  void aRegisteredCaseWithAReachableReporter() {
    stored(repository, ApplicationFixtures.registered());
    when(repository.findReporter(CASE_ID)).thenReturn(Optional.of(new Reporter(null, null, "wang@example.cn", null)));
  }

  private static ReviewService.Input input(String urgency, String tier, String disposal, String unit, String reason) {
    return new ReviewService.Input(ACCEPT, urgency, tier, disposal, unit, reason, 1, 3);
  }

  private CaseFile saved() {
    ArgumentCaptor<CaseFile> saved = ArgumentCaptor.forClass(CaseFile.class);
    verify(repository).save(saved.capture(), eq(NOW));
    return saved.getValue();
  }

  private void nothingStored() {
    verify(repository, never()).save(any(), any());
    assertThat(timeline.all()).isEmpty();
    assertThat(outbox.queued()).isEmpty();
  }

  @Test
  void acceptingTheSuggestionSetsBothDeadlinesAndRoutesToTheUnit() {
    ReviewService.Outcome o = service.record(CASE_NO, input(null, null, null, "water", null), "community.hualin");

    CaseFile c = saved();
    assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
    assertThat(c.responseDeadline()).as("1 working day from registration").isEqualTo(endOfDay("2026-03-04"));
    assertThat(c.deadline()).as("3 working days from now, past the holiday").isEqualTo(endOfDay("2026-03-10"));
    assertThat(o.status()).isEqualTo(CaseStatus.IN_PROGRESS);
    assertThat(o.routing().handlerGroups()).containsExactly("unit-water");
    assertThat(o.routing().deadline()).isEqualTo(endOfDay("2026-03-10"));
    assertThat(timeline.entries(CASE_ID)).containsExactly(new Timeline.Entry(NOW, "community.hualin",
        TimelineAction.ACCEPTED, "绿色（特定群体需求），小区党群会客站，承诺件", true));
    assertThat(outbox.queued()).extracting(RecordingOutbox.Mail::dedupKey).containsExactly("accepted:" + CASE_NO);
  }

  @Test
  void aCommittedCaseWithoutAUnitWaitsForDispatch() {
    ReviewService.Outcome o = service.record(CASE_NO, input(null, null, null, null, null), "community.hualin");

    assertThat(o.status()).isEqualTo(CaseStatus.ACCEPTED);
    assertThat(o.routing().handlerGroups()).containsExactly("station-hualin-a");
  }

  @Test
  void anOverrideIsAcceptedWithItsReasonInAPrivateNote() {
    ReviewService.Outcome o = service.record(CASE_NO, input("RED", "ROOM", "IMMEDIATE", null, "  夜间有安全隐患 "),
        "community.hualin");

    CaseFile c = saved();
    assertThat(c).extracting(CaseFile::urgency, CaseFile::tier, CaseFile::disposal)
        .containsExactly(Urgency.RED, Tier.ROOM, Disposal.IMMEDIATE);
    assertThat(o.routing().handlerGroups()).containsExactly("hualin-room");
    assertThat(o.routing().priority()).isEqualTo(90);
    assertThat(timeline.entries(CASE_ID)).extracting(Timeline.Entry::action, Timeline.Entry::note, Timeline.Entry::publicNote)
        .containsExactly(
            tuple(TimelineAction.ACCEPTED, "红色（紧急），社区党群会客室，即办件", true),
            tuple(TimelineAction.CLASSIFICATION_OVERRIDDEN,
                "系统建议：GREEN/STATION/COMMITTED，调整为：RED/ROOM/IMMEDIATE。理由：夜间有安全隐患", false));
  }

  @Test
  void anOverrideWithoutReasonOrAnUnknownUnitIsRefusedWithBothErrors() {
    assertThat(refusal(() -> service.record(CASE_NO, input("RED", null, null, "gas", " "), "community.hualin")))
        .containsExactly("responsibleUnit/unknown", "overrideReason/required");
    nothingStored();
  }

  @Test
  void anOverlongReasonIsRefused() {
    assertThat(refusal(() -> service.record(CASE_NO, input("RED", null, null, null, "长".repeat(501)), "community.hualin")))
        .containsExactly("overrideReason/too_long");
    nothingStored();
  }

  @Test
  void anUnknownClassificationValueIsRefused() {
    assertThat(refusal(() -> service.record(CASE_NO, input("PURPLE", "ATTIC", null, null, "x"), "community.hualin")))
        .containsExactly("urgency/invalid", "tier/invalid");
    nothingStored();
  }

  @Test
  void aReviewWithoutDecisionIsRefused() {
    assertThat(refusal(() -> service.record(CASE_NO,
        new ReviewService.Input(new ReviewDecision(null, null), null, null, null, null, null, 1, 3), "community.hualin")))
        .containsExactly("admissible/required");
    nothingStored();
  }

  @Test
  void aDeclineIsNeverSilent() {
    ReviewService.Outcome o = service.record(CASE_NO,
        new ReviewService.Input(new ReviewDecision(false, " 属于邻里纠纷 "), null, null, null, null, null, 1, 3),
        "community.hualin");

    assertThat(o).isEqualTo(new ReviewService.Outcome(CaseStatus.DECLINED, null));
    CaseFile c = saved();
    assertThat(c.status()).isEqualTo(CaseStatus.DECLINED);
    assertThat(c.declineReason()).isEqualTo("属于邻里纠纷");
    assertThat(c.responseDeadline()).isEqualTo(endOfDay("2026-03-04"));
    assertThat(timeline.entries(CASE_ID)).containsExactly(
        new Timeline.Entry(NOW, "community.hualin", TimelineAction.DECLINED, "属于邻里纠纷", true));
    assertThat(outbox.queued()).singleElement().satisfies(m -> {
      assertThat(m.dedupKey()).isEqualTo("decline:" + CASE_NO);
      assertThat(m.body()).contains("reason=[属于邻里纠纷]", "referral=[]");
    });
  }

  @Test
  void aDeclineNamesTheReferralTheTriageSuggested() {
    CaseFile c = ApplicationFixtures.registered();
    c.suggest(new Suggestion(false, "邻里纠纷", "MEDIATION",
        new Classification(Urgency.GREEN, Tier.STATION, Disposal.IMMEDIATE, null), 1, 3));
    stored(repository, c);

    service.record(CASE_NO, new ReviewService.Input(new ReviewDecision(false, "属于邻里纠纷"), null, null, null, null,
        null, 1, 3), "community.hualin");

    assertThat(timeline.entries(CASE_ID)).extracting(Timeline.Entry::note).containsExactly("属于邻里纠纷（已引导至人民调解）");
    assertThat(outbox.queued().get(0).body()).contains("referral=[引导：已引导至人民调解]");
  }

  @Test
  void aDeclineWithoutReasonIsRefused() {
    assertThat(refusal(() -> service.record(CASE_NO,
        new ReviewService.Input(new ReviewDecision(false, " "), null, null, null, null, null, 1, 3), "community.hualin")))
        .containsExactly("declineReason/required");
    nothingStored();
  }

  @Test
  void aCaseIsReviewedOnce() {
    stored(repository, ApplicationFixtures.inProgress(Tier.STATION, "water", endOfDay("2026-03-10")));

    assertThat(refusal(() -> service.record(CASE_NO, input(null, null, null, "water", null), "community.hualin")))
        .containsExactly("status/invalid_state");
    nothingStored();
  }

  @Test
  void anUnknownCaseIsNotReviewed() {
    assertThatThrownBy(() -> service.record("FX-2026-999999", input(null, null, null, null, null), "community.hualin"))
        .isInstanceOf(CaseNotFound.class);
    nothingStored();
  }
}
