package cn.yishi.application.deliberation;

import static cn.yishi.application.deliberation.DeliberationFixture.CASE_ID;
import static cn.yishi.application.deliberation.DeliberationFixture.NOW;
import static cn.yishi.application.deliberation.DeliberationFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.Meetings;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.deliberation.MeetingMinutes;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** The meeting (六步) with its resolution list, its pause, and the experts' review. */
class MeetingRecordsTest {
  private final DeliberationFixture f = new DeliberationFixture();
  private final MeetingRecords records = new MeetingRecords(f.meetings, f.deliberations, f.calendar);

  private static MeetingMinutes minutes(List<MeetingMinutes.Item> items) {
    return new MeetingMinutes(false, null, true, " 社区书记、业委会、物业、居民代表 ", 23, "一人一次发言", "三栋加装电梯",
        " 同意加装，费用按楼层分摊 ", items, "物业协调，住建局审批");
  }

  private static final List<MeetingMinutes.Item> TWO_ITEMS = List.of(
      new MeetingMinutes.Item("housing", " 出具审批意见 ", "2026-04-06"),
      new MeetingMinutes.Item("property-hualin", "协调施工时间", "2026-03-10T00:00:00.000Z"));

  @Test
  void theRecordReplacesTheProposedItemsAndNotesTheMeetingOnTheCase() {
    f.elevatorCase("housing");
    f.meeting(41, CASE_ID);
    when(f.meetings.insertItem(anyLong(), any(), any(), any(), any(), any())).thenReturn(501L, 502L);

    List<Long> ids = records.record(41, minutes(TWO_ITEMS), "chair");

    assertThat(ids).containsExactly(501L, 502L);
    InOrder order = inOrder(f.meetings);
    order.verify(f.meetings).withdrawProposedItems(41);
    order.verify(f.meetings).recordMeeting(41, new Meetings.Record(NOW, true, "社区书记、业委会、物业、居民代表", 23, "一人一次发言",
        "三栋加装电梯", "同意加装，费用按楼层分摊", "物业协调，住建局审批", "chair"));
    // 6 April is 清明: the item is due at the end of the next working day
    order.verify(f.meetings).insertItem(41, CASE_ID, "housing", "出具审批意见", OffsetDateTime.parse("2026-04-07T18:00:00+08:00"), "PROPOSED");
    order.verify(f.meetings).insertItem(41, CASE_ID, "property-hualin", "协调施工时间", OffsetDateTime.parse("2026-03-10T18:00:00+08:00"), "PROPOSED");
    f.noted("chair", TimelineAction.MEETING_HELD, "现场议事，参会 23 人，形成决议 2 项：同意加装，费用按楼层分摊");
  }

  @Test
  void aCommunityMatterIsRecordedWithoutTimeline() {
    f.meeting(42, null);

    records.record(42, minutes(TWO_ITEMS.subList(0, 1)), "chair");

    verify(f.meetings).insertItem(42, null, "housing", "出具审批意见", OffsetDateTime.parse("2026-04-07T18:00:00+08:00"), "PROPOSED");
    f.nothingNoted();
  }

  @Test
  void aPausedMeetingOnlyChecksItsReason() {
    f.meeting(42, null);
    MeetingMinutes paused = new MeetingMinutes(true, "业主意见分歧", null, null, null, null, null, null, null, null);
    MeetingMinutes pausedWithoutReason = new MeetingMinutes(true, " ", null, null, null, null, null, null, null, null);

    assertThat(records.record(42, paused, "chair")).isEmpty();
    assertThat(refusal(() -> records.record(42, pausedWithoutReason, "chair"))).containsExactly("pauseReason required");
    verify(f.meetings, never()).withdrawProposedItems(anyLong());
    verify(f.meetings, never()).recordMeeting(anyLong(), any());
  }

  @Test
  void aRefusedRecordStoresNothing() {
    f.elevatorCase("housing");
    f.meeting(41, CASE_ID);
    List<MeetingMinutes.Item> bad = List.of(new MeetingMinutes.Item("nobody", "措施", "2026-03-09"));

    assertThat(refusal(() -> records.record(41, minutes(bad), "chair")))
        .containsExactly("resolutionItems[0].unit unknown", "resolutionItems[0].deadline invalid");
    assertThat(refusal(() -> records.record(41, minutes(List.of()), "chair"))).containsExactly("resolutionItems required");
    verify(f.meetings, never()).withdrawProposedItems(anyLong());
    verify(f.meetings, never()).recordMeeting(anyLong(), any());
    verify(f.meetings, never()).insertItem(anyLong(), any(), any(), any(), any(), any());
    verifyNoInteractions(f.timeline);
  }

  @Test
  void theExpertsApproveOrReturnThePlanWithTheirOpinion() {
    f.elevatorCase("housing");
    f.meeting(41, CASE_ID);

    records.recordExpertReview(41, true, " 方案合法合理 ", "expert.wang");
    records.recordExpertReview(41, false, "资金来源不合规", "expert.zhao");

    f.noted("expert.wang", TimelineAction.EXPERT_REVIEWED, "评审通过：方案合法合理");
    f.noted("expert.zhao", TimelineAction.EXPERT_REVIEWED, "评审未通过，退回议事会：资金来源不合规");
  }

  @Test
  void aPlanPutToTheExpertsIsNotedOnTheCaseSoThatTheyMayReadIt() {
    f.elevatorCase("housing");
    f.meeting(41, CASE_ID);

    records.putToExperts(41, "room.li");

    f.noted("room.li", TimelineAction.EXPERT_REVIEW_REQUESTED, "议事会决定提请评审团审查方案");
  }

  @Test
  void aReviewWithoutConclusionOrOpinionIsRefused() {
    f.elevatorCase("housing");
    f.meeting(41, CASE_ID);

    assertThat(refusal(() -> records.recordExpertReview(41, null, "意见", "expert.wang"))).containsExactly("expertApproved required");
    assertThat(refusal(() -> records.recordExpertReview(41, true, " ", "expert.wang"))).containsExactly("expertOpinion required");
    verifyNoInteractions(f.timeline);
  }
}
