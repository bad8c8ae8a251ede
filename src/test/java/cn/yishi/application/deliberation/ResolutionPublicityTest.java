package cn.yishi.application.deliberation;

import static cn.yishi.application.deliberation.DeliberationFixture.CASE_ID;
import static cn.yishi.application.deliberation.DeliberationFixture.NOW;
import static cn.yishi.application.deliberation.DeliberationFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.Meetings;
import cn.yishi.domain.casefile.TimelineAction;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 张榜公示: the window, the residents' objections and the chair's decision on them. */
class ResolutionPublicityTest {
  private static final OffsetDateTime ENDS = OffsetDateTime.parse("2026-03-17T18:00:00+08:00");

  private final DeliberationFixture f = new DeliberationFixture();
  private final ResolutionPublicity publicity = new ResolutionPublicity(f.meetings, f.deliberations,
      DeliberationFixture.properties(), f.calendar);

  private Meetings.Meeting publicised(OffsetDateTime endsAt) {
    Meetings.Meeting m = new Meetings.Meeting(41, CASE_ID, "hualin", "YELLOW", null, NOW.minusDays(1), "三栋加装电梯", null,
        "tok", endsAt, 23, "纪要", "责任");
    when(f.meetings.findByPublicityToken("tok")).thenReturn(Optional.of(m));
    return f.stored(m);
  }

  @Test
  void thePlanIsPublicisedForFiveWorkingDaysBehindAnUnguessableToken() {
    f.elevatorCase("housing");
    f.meeting(41, CASE_ID);
    f.meeting(42, null);

    ResolutionPublicity.Publicity p = publicity.startPublicity(41);
    ResolutionPublicity.Publicity other = publicity.startPublicity(42);

    assertThat(p.endsAt()).isEqualTo(ENDS);
    assertThat(p.token()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(other.token());
    verify(f.meetings).startPublicity(41, p.token(), NOW, ENDS);
    f.noted("system", TimelineAction.PUBLICITY_STARTED, "议事决议张榜公示，5 个工作日内（至 2026-03-17）可提出意见");
  }

  @Test
  void anObjectionWithinTheWindowIsStored() {
    publicised(ENDS);

    publicity.object("tok", "  施工噪音扰民 ");

    verify(f.meetings).insertObjection(41, "施工噪音扰民", NOW);
  }

  @Test
  void anUnknownTokenAnEndedWindowAndAnEmptyObjectionAreRefusedAndNothingStored() {
    publicised(NOW);

    assertThat(refusal(() -> publicity.object("nope", "意见"))).containsExactly("token unknown");
    assertThat(refusal(() -> publicity.object(null, "意见"))).containsExactly("token unknown");
    assertThat(refusal(() -> publicity.object("tok", "意见"))).containsExactly("token expired");
    publicised(ENDS);
    assertThat(refusal(() -> publicity.object("tok", " "))).containsExactly("content required");
    verify(f.meetings, never()).insertObjection(anyLong(), anyString(), any());
  }

  @Test
  void theObjectionsForTheChairAndTheirCount() {
    f.meeting(41, null);
    when(f.meetings.findMeeting(99)).thenReturn(Optional.empty());
    List<Meetings.Objection> texts = List.of(new Meetings.Objection("施工噪音扰民", NOW));
    when(f.meetings.objections(41)).thenReturn(texts);
    when(f.meetings.countObjections(41)).thenReturn(1);

    assertThat(publicity.objectionTexts(41)).isEqualTo(texts);
    assertThat(publicity.objections(41)).isEqualTo(1);
    assertThat(refusal(() -> publicity.objectionTexts(99))).containsExactly("meetingId unknown");
  }

  @Test
  void theChairReconvenesOrConfirmsWithAReasonOnTheCase() {
    f.elevatorCase("housing");
    f.meeting(41, CASE_ID);
    when(f.meetings.countObjections(41)).thenReturn(3);

    assertThat(publicity.decideObjections(41, "RECONVENE", " 异议合理 ", "chair")).isTrue();
    assertThat(publicity.decideObjections(41, "CONFIRM", "已向居民解释", "chair")).isFalse();

    f.noted("chair", TimelineAction.OBJECTIONS_DECIDED, "公示期收到异议 3 条，重新议事：异议合理");
    f.noted("chair", TimelineAction.OBJECTIONS_DECIDED, "公示期收到异议 3 条，维持决议：已向居民解释");
  }

  @Test
  void aDecisionWithoutChoiceAndReasonIsRefusedAndNotNoted() {
    f.elevatorCase("housing");
    f.meeting(41, CASE_ID);

    assertThat(refusal(() -> publicity.decideObjections(41, "MAYBE", "", "chair")))
        .containsExactly("objectionDecision required", "decisionReason required");
    verifyNoInteractions(f.timeline);
  }

  @Test
  void aCommunityMattersDecisionNotesNothing() {
    f.meeting(42, null);

    assertThat(publicity.decideObjections(42, "CONFIRM", "理由", "chair")).isFalse();
    verify(f.timeline, never()).append(anyLong(), any(), anyString(), eq(TimelineAction.OBJECTIONS_DECIDED), anyString(), eq(true));
  }
}
