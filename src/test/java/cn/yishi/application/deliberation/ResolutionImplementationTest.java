package cn.yishi.application.deliberation;

import static cn.yishi.application.deliberation.DeliberationFixture.CASE_ID;
import static cn.yishi.application.deliberation.DeliberationFixture.NOW;
import static cn.yishi.application.deliberation.DeliberationFixture.item;
import static cn.yishi.application.deliberation.DeliberationFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.yishi.domain.casefile.TimelineAction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 决议生效 and the implementation of the items by their units. */
class ResolutionImplementationTest {
  private final DeliberationFixture f = new DeliberationFixture();
  private final ResolutionImplementation items = new ResolutionImplementation(f.meetings, f.deliberations);

  @Test
  void adoptionOpensTheProposedItemsAndNotesHowMany() {
    f.elevatorCase("housing");
    f.meeting(41, CASE_ID);
    when(f.meetings.adoptItems(41, NOW)).thenReturn(2);
    when(f.meetings.items(41)).thenReturn(List.of(
        item(501, 41, CASE_ID, "housing", "出具审批意见", "2026-04-07T10:00:00Z", "OPEN"),
        item(499, 41, CASE_ID, "housing", "撤回的措施", "2026-04-07T10:00:00Z", "WITHDRAWN"),
        item(502, 41, CASE_ID, "property-hualin", "协调施工时间", "2026-03-10T10:00:00Z", "OPEN"),
        item(480, 41, CASE_ID, "school", "早已落实", "2026-03-01T10:00:00Z", "DONE")));

    assertThat(items.adopt(41)).containsExactly(501L, 502L);
    f.noted("system", TimelineAction.RESOLUTION_ADOPTED, "决议生效，2 项决议事项交责任单位落实");
  }

  @Test
  void theAdoptionOfAnUnknownMeetingIsRefused() {
    when(f.meetings.findMeeting(99)).thenReturn(Optional.empty());

    assertThat(refusal(() -> items.adopt(99))).containsExactly("meetingId unknown");
    verify(f.meetings, never()).adoptItems(anyLong(), any());
  }

  @Test
  void theUnitCompletesItsItemWithANoteOnTheCase() {
    f.elevatorCase("housing");
    when(f.meetings.findItem(501)).thenReturn(Optional.of(item(501, 41, CASE_ID, "housing", "出具审批意见", "2026-04-07T10:00:00Z", "OPEN")));

    items.completeItem(501, " 已出具审批意见 ", "unit.housing");

    verify(f.meetings).completeItem(501, "已出具审批意见", NOW);
    f.noted("unit.housing", TimelineAction.ITEM_COMPLETED, "出具审批意见：已出具审批意见");
  }

  @Test
  void anItemOfACommunityMatterIsCompletedWithoutTimeline() {
    when(f.meetings.findItem(601)).thenReturn(Optional.of(item(601, 42, null, "school", "开放操场", "2026-04-07T10:00:00Z", "OPEN")));

    items.completeItem(601, "已开放", "unit.school");

    verify(f.meetings).completeItem(601, "已开放", NOW);
    f.nothingNoted();
  }

  @Test
  void anUnknownItemAndAnEmptyNoteAreRefusedAndNothingStored() {
    when(f.meetings.findItem(501)).thenReturn(Optional.of(item(501, 41, CASE_ID, "housing", "出具审批意见", "2026-04-07T10:00:00Z", "OPEN")));

    assertThat(refusal(() -> items.item(999))).containsExactly("itemId unknown");
    assertThat(refusal(() -> items.completeItem(999, "已完成", "unit.housing"))).containsExactly("itemId unknown");
    assertThat(refusal(() -> items.completeItem(501, " ", "unit.housing"))).containsExactly("progressNote required");
    assertThat(refusal(() -> items.completeItem(501, "n".repeat(2001), "unit.housing"))).containsExactly("progressNote required");
    verify(f.meetings, never()).completeItem(anyLong(), anyString(), any());
    verifyNoInteractions(f.timeline);
  }
}
