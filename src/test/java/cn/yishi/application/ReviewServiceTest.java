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
import cn.yishi.domain.casefile.ScreeningGround;
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
    return new ReviewService.Input(ACCEPT, null, null, urgency, tier, disposal, unit, reason, 1, 3);
  }

  private static ReviewService.Input decline(String reason, String ground, String referralUnit, String overrideReason) {
    return new ReviewService.Input(new ReviewDecision(false, reason), ground, referralUnit, null, null, null, null,
        overrideReason, 1, 3);
  }

  /** The case as the tables suggested a 不议 for it. */
  private void suggestedNotToDeliberate(ScreeningGround g, String reason) {
    CaseFile c = ApplicationFixtures.registered();
    c.suggest(new Suggestion(false, g, reason, g.referral() == null ? null : g.referral().name(),
        new Classification(Urgency.GREEN, Tier.STATION, Disposal.IMMEDIATE, null), 1, 3));
    stored(repository, c);
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
        TimelineAction.ACCEPTED, "五议·公共设施运维；绿色（特定群体需求），小区党群会客站，承诺件", true));
    assertThat(c.ground()).as("the suggested 五议, confirmed").isEqualTo(ScreeningGround.PUBLIC_FACILITIES);
    assertThat(outbox.queued()).extracting(RecordingOutbox.Mail::dedupKey).containsExactly("accepted:" + CASE_NO);
  }

  @Test
  void aCommittedCaseWithoutAUnitWaitsForDispatch() {
    ReviewService.Outcome o = service.record(CASE_NO, input(null, null, null, null, null), "community.hualin");

    assertThat(o.status()).isEqualTo(CaseStatus.ACCEPTED);
    assertThat(o.routing().handlerGroups()).as("the station of its compound only").containsExactly("station-hualin-a");
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
            tuple(TimelineAction.ACCEPTED, "五议·公共设施运维；红色（紧急），社区党群会客室，即办件", true),
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
        new ReviewService.Input(new ReviewDecision(null, null), null, null, null, null, null, null, null, 1, 3),
        "community.hualin")))
        .containsExactly("admissible/required");
    nothingStored();
  }

  @Test
  void aDeclineIsNeverSilentAndCarriesItsReferralInPublicWords() {
    ReviewService.Outcome o = service.record(CASE_NO, decline(" 属于两户之间的邻里纠纷 ", "PRIVATE_DISPUTE", null,
        "核实后只涉及两户"), "community.hualin");

    assertThat(o).isEqualTo(new ReviewService.Outcome(CaseStatus.DECLINED, null));
    CaseFile c = saved();
    assertThat(c.status()).isEqualTo(CaseStatus.DECLINED);
    assertThat(c.ground()).isEqualTo(ScreeningGround.PRIVATE_DISPUTE);
    assertThat(c.referral()).isEqualTo("MEDIATION");
    assertThat(c.declineReason()).as("what the public view shows")
        .isEqualTo("属于两户之间的邻里纠纷（已引导至社区人民调解委员会调解）");
    assertThat(c.responseDeadline()).isEqualTo(endOfDay("2026-03-04"));
    assertThat(timeline.entries(CASE_ID)).extracting(Timeline.Entry::action, Timeline.Entry::note, Timeline.Entry::publicNote)
        .containsExactly(
            tuple(TimelineAction.DECLINED, "五不议·纯个体纠纷：属于两户之间的邻里纠纷（已引导至社区人民调解委员会调解）", true),
            tuple(TimelineAction.SCREENING_OVERRIDDEN, "系统建议：五议·公共设施运维，改为：五不议·纯个体纠纷。理由：核实后只涉及两户", false));
    assertThat(outbox.queued()).singleElement().satisfies(m -> {
      assertThat(m.dedupKey()).isEqualTo("decline:" + CASE_NO);
      assertThat(m.body()).contains("reason=[属于两户之间的邻里纠纷]", "referral=[引导：已引导至社区人民调解委员会调解]");
    });
  }

  @Test
  void overridingTheSuggestedAdmissionNeedsAGroundThatFitsAndAReason() {
    assertThat(refusal(() -> service.record(CASE_NO, decline("不议", null, null, "理由"), "community.hualin")))
        .containsExactly("screeningGround/required");
    assertThat(refusal(() -> service.record(CASE_NO, decline("不议", "PUBLIC_ORDER", null, "理由"), "community.hualin")))
        .containsExactly("screeningGround/mismatch");
    assertThat(refusal(() -> service.record(CASE_NO, decline("不议", "PRIVATE_DISPUTE", null, " "), "community.hualin")))
        .containsExactly("overrideReason/required");
    assertThat(refusal(() -> service.record(CASE_NO, decline("不议", "SOMETHING", null, "理由"), "community.hualin")))
        .containsExactly("screeningGround/invalid");
    assertThat(refusal(() -> service.record(CASE_NO, new ReviewService.Input(ACCEPT, "UNLAWFUL", null, null, null, null,
        "water", "理由", 1, 3), "community.hualin"))).containsExactly("screeningGround/mismatch");
    nothingStored();
  }

  @Test
  void confirmingASuggestedDeclineNeedsNoOverrideReason() {
    suggestedNotToDeliberate(ScreeningGround.SETTLED_BY_POLICY, "政策已有明确规定，不列入协商议事（五不议），由工作人员解释政策。");

    service.record(CASE_NO, decline("低保申请条件政策已有明确规定", null, null, null), "community.hualin");

    CaseFile c = saved();
    assertThat(c.ground()).isEqualTo(ScreeningGround.SETTLED_BY_POLICY);
    assertThat(c.referral()).isEqualTo("POLICY_EXPLANATION");
    assertThat(timeline.entries(CASE_ID)).extracting(Timeline.Entry::note)
        .containsExactly("五不议·政策已有规定：低保申请条件政策已有明确规定（已由工作人员向群众解释相关政策）");
  }

  @Test
  void eachNotToDeliberateRecordsItsReferral() {
    for (ScreeningGround g : new ScreeningGround[] {ScreeningGround.PRIVATE_DISPUTE, ScreeningGround.SETTLED_BY_POLICY,
        ScreeningGround.RESERVED_TO_ASSEMBLY, ScreeningGround.UNLAWFUL}) {
      RecordingTimeline t = new RecordingTimeline();
      CaseRepository r = mock(CaseRepository.class);
      CaseFile c = ApplicationFixtures.registered();
      c.suggest(new Suggestion(false, g, "x", g.referral() == null ? null : g.referral().name(),
          new Classification(Urgency.GREEN, Tier.STATION, Disposal.IMMEDIATE, null), 1, 3));
      stored(r, c);
      ReviewService s = new ReviewService(new Cases(r, t, CLOCK, ApplicationFixtures.calendar(),
          ApplicationFixtures.directory(), mock(Deadlines.class)),
          new ReporterNotices(r, new RecordingOutbox(), ApplicationFixtures.BASE_URL, ApplicationFixtures.templates()),
          ApplicationFixtures.directory(), ApplicationFixtures.calendar());

      s.record(CASE_NO, decline("理由", null, null, null), "community.hualin");

      String expected = switch (g) {
        case PRIVATE_DISPUTE -> "五不议·纯个体纠纷：理由（已引导至社区人民调解委员会调解）";
        case SETTLED_BY_POLICY -> "五不议·政策已有规定：理由（已由工作人员向群众解释相关政策）";
        case RESERVED_TO_ASSEMBLY -> "五不议·需代表会议审议：理由（已提交居民（代表）会议审议）";
        default -> "五不议·违反法律法规：理由";
      };
      assertThat(t.entries(CASE_ID)).extracting(Timeline.Entry::note).as(g.name()).containsExactly(expected);
    }
  }

  @Test
  void beyondTheCommunitysAuthorityIsTransferredToTheCompetentDepartment() {
    service.record(CASE_NO, decline("片区主干道维修属县级事权", "BEYOND_AUTHORITY", "water", "主干道不属社区管理"),
        "community.hualin");

    CaseFile c = saved();
    assertThat(c.referral()).isEqualTo("COMPETENT_DEPARTMENT");
    assertThat(c.declineReason()).isEqualTo("片区主干道维修属县级事权（已转交县供水公司办理）");
    assertThat(timeline.entries(CASE_ID)).extracting(Timeline.Entry::action, Timeline.Entry::note, Timeline.Entry::publicNote)
        .contains(tuple(TimelineAction.REFERRED, "已向县供水公司发送转办通知", false));
    assertThat(outbox.queued()).extracting(RecordingOutbox.Mail::dedupKey).containsExactly("referred:" + CASE_NO, "decline:" + CASE_NO);
    RecordingOutbox.Mail notice = outbox.queued().get(0);
    assertThat(notice.recipient()).isEqualTo("water@fx.example");
    assertThat(notice.body()).contains("unitName=[县供水公司]", "community=[华林社区]", "reason=[片区主干道维修属县级事权]")
        .doesNotContain("wang@example.cn");
  }

  @Test
  void aDepartmentWithoutAddressIsNotedForAPhoneCall() {
    service.record(CASE_NO, decline("县道维修", "BEYOND_AUTHORITY", "roads", "县道不属社区"), "community.hualin");

    assertThat(timeline.entries(CASE_ID)).extracting(Timeline.Entry::note)
        .contains("县公路局没有登记联系邮箱，转办通知未能发送，请电话联系");
    assertThat(outbox.queued()).extracting(RecordingOutbox.Mail::dedupKey).containsExactly("decline:" + CASE_NO);
  }

  @Test
  void beyondAuthorityNeedsADepartmentOfTheDirectory() {
    assertThat(refusal(() -> service.record(CASE_NO, decline("x", "BEYOND_AUTHORITY", null, "理由"), "community.hualin")))
        .containsExactly("referralUnit/required");
    assertThat(refusal(() -> service.record(CASE_NO, decline("x", "BEYOND_AUTHORITY", "hualin-property", "理由"),
        "community.hualin"))).containsExactly("referralUnit/unknown");
    nothingStored();
  }

  @Test
  void acceptingAgainstASuggestedDeclineNeedsAGroundAndAReason() {
    suggestedNotToDeliberate(ScreeningGround.PRIVATE_DISPUTE, "属纯个体纠纷，不列入协商议事（五不议），转人民调解。");

    assertThat(refusal(() -> service.record(CASE_NO, input(null, null, null, null, "影响整栋楼"), "community.hualin")))
        .containsExactly("screeningGround/required");
    assertThat(refusal(() -> service.record(CASE_NO, new ReviewService.Input(ACCEPT, "PUBLIC_CONFLICT", null, null, null,
        null, null, null, 1, 3), "community.hualin"))).containsExactly("overrideReason/required");
    nothingStored();

    service.record(CASE_NO, new ReviewService.Input(ACCEPT, "PUBLIC_CONFLICT", null, null, null, null, null,
        "纠纷已影响整栋楼的公共秩序", 1, 3), "community.hualin");

    assertThat(saved().ground()).isEqualTo(ScreeningGround.PUBLIC_CONFLICT);
    assertThat(timeline.entries(CASE_ID)).extracting(Timeline.Entry::action).containsExactly(
        TimelineAction.ACCEPTED, TimelineAction.SCREENING_OVERRIDDEN);
  }

  @Test
  void aDeclineWithoutReasonIsRefused() {
    assertThat(refusal(() -> service.record(CASE_NO, decline(" ", "PRIVATE_DISPUTE", null, "理由"), "community.hualin")))
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
