package cn.yishi.application.deliberation;

import static cn.yishi.application.deliberation.DeliberationFixture.CASE_ID;
import static cn.yishi.application.deliberation.DeliberationFixture.CASE_NO;
import static cn.yishi.application.deliberation.DeliberationFixture.NOW;
import static cn.yishi.application.deliberation.DeliberationFixture.TODAY;
import static cn.yishi.application.deliberation.DeliberationFixture.item;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When meetings are held: RED within one working day, the others on the fixed day; the agenda's follow-up; the pause. */
class MeetingSchedulingTest {
  private final DeliberationFixture f = new DeliberationFixture();
  private final MeetingScheduling scheduling = new MeetingScheduling(f.cases, f.meetings, f.deliberations,
      DeliberationFixture.properties(), f.calendar);

  @Test
  void aRedCaseConvenesWithinOneWorkingDayInItsCommunitysRoom() {
    f.elevatorCase("housing");
    when(f.meetings.previousHeldMeeting("hualin", -1)).thenReturn(Optional.empty());
    when(f.meetings.insertMeeting(any(), any(), any(), any(), any(), any(), any())).thenReturn(41L);

    MeetingScheduling.Scheduled s = scheduling.schedule(CASE_NO, null, null, null);

    LocalDate wednesday = LocalDate.of(2026, 3, 11);
    assertThat(s).isEqualTo(new MeetingScheduling.Scheduled(41, wednesday, "hualin-room",
        "议程第一项：上次议事会决议事项跟进——本社区此前没有议事会决议事项。"));
    verify(f.meetings).insertMeeting(CASE_ID, "hualin", "RED", "三栋加装电梯", wednesday, s.agendaFollowUp(), NOW);
    f.noted("system", TimelineAction.MEETING_SCHEDULED, "红色事项，即时召开协商议事会，会期不晚于 2026-03-11");
  }

  @Test
  void aCommunityMatterWithoutCaseGoesToTheFixedDayAndNotesNothing() {
    when(f.meetings.insertMeeting(any(), any(), any(), any(), any(), any(), any())).thenReturn(42L);

    MeetingScheduling.Scheduled s = scheduling.schedule(null, "hualin", "  居民公约修订 ", "YELLOW");

    // the 15th is a Sunday: the next working day
    assertThat(s.dueDate()).isEqualTo(LocalDate.of(2026, 3, 16));
    verify(f.meetings).insertMeeting(null, "hualin", "YELLOW", "居民公约修订", LocalDate.of(2026, 3, 16), s.agendaFollowUp(), NOW);
    f.nothingNoted();
  }

  @Test
  void theFixedDayOfTheCommunityAndOfTheNextMonthWhenItHasPassed() {
    assertThat(scheduling.nextFixedDay("shengdian", TODAY)).isEqualTo(LocalDate.of(2026, 3, 30)); // the 28th is a Saturday
    assertThat(scheduling.nextFixedDay("hualin", LocalDate.of(2026, 3, 15))).isEqualTo(LocalDate.of(2026, 4, 15));
    assertThat(scheduling.nextFixedDay("hualin", LocalDate.of(2026, 3, 14))).isEqualTo(LocalDate.of(2026, 3, 16));
  }

  @Test
  void anUnknownCommunityAnEmptyTitleAndAnUnknownUrgencyAreRefusedAndNothingIsStored() {
    assertThat(refusal(() -> scheduling.schedule(null, "nowhere", " ", "BLUE")))
        .containsExactly("community unknown", "title required", "urgency unknown");
    verify(f.meetings, never()).insertMeeting(any(), any(), any(), any(), any(), any(), any());
  }

  @Test
  void theAgendaOpensWithTheItemsOfThePreviousMeetingExceptWithdrawnOnes() {
    Meetings.Meeting previous = new Meetings.Meeting(30, null, "hualin", "YELLOW", TODAY.minusDays(30),
        OffsetDateTime.parse("2026-02-15T02:00:00Z"), "车棚改造", null, null, null, 12, "纪要", "责任");
    when(f.meetings.previousHeldMeeting("hualin", -1)).thenReturn(Optional.of(previous));
    when(f.meetings.items(30)).thenReturn(List.of(
        item(1, 30, null, "property-hualin", "拆除旧车棚", "2026-02-28T10:00:00Z", "DONE"),
        item(2, 30, null, "housing", "撤回的措施", "2026-02-28T10:00:00Z", "WITHDRAWN"),
        item(3, 30, null, "gone", "安装充电桩", "2026-03-31T16:30:00Z", "OPEN")));
    when(f.meetings.insertMeeting(any(), any(), any(), any(), any(), any(), any())).thenReturn(43L);

    String agenda = scheduling.schedule(null, "hualin", "加装电梯", "GREEN").agendaFollowUp();

    assertThat(agenda).isEqualTo("""
        议程第一项：上次议事会（2026年2月15日，车棚改造）决议事项跟进：
        1. 华林物业：拆除旧车棚（期限 2026-02-28，已落实）
        2. gone：安装充电桩（期限 2026-04-01，落实中）""");
  }

  @Test
  void aPreviousMeetingWithoutItemsSaysSo() {
    Meetings.Meeting previous = new Meetings.Meeting(30, null, "hualin", "YELLOW", TODAY, NOW.minusDays(20), null,
        null, null, null, 12, "纪要", "责任");
    when(f.meetings.previousHeldMeeting("hualin", -1)).thenReturn(Optional.of(previous));
    when(f.meetings.items(30)).thenReturn(List.of());

    assertThat(scheduling.agendaFollowUp("hualin", -1)).isEqualTo("议程第一项：上次议事会（2026年2月18日，）决议事项跟进：无决议事项。");
  }

  @Test
  void aPausedMeetingIsRescheduledWithItsReason() {
    f.elevatorCase("housing");
    f.stored(new Meetings.Meeting(41, CASE_ID, "hualin", "RED", TODAY, null, "三栋加装电梯", null, null, null, null, null, null));

    LocalDate due = scheduling.reschedule(41, " 业主意见分歧 ", "chair");

    assertThat(due).isEqualTo(LocalDate.of(2026, 3, 11));
    verify(f.meetings).reschedule(41, due, "业主意见分歧");
    f.noted("chair", TimelineAction.MEETING_PAUSED, "议事会暂停（业主意见分歧），改期至不晚于 2026-03-11");
  }

  @Test
  void aPauseWithoutReasonOrOfAnUnknownMeetingIsRefused() {
    f.meeting(41, null);
    when(f.meetings.findMeeting(99)).thenReturn(Optional.empty());

    assertThat(refusal(() -> scheduling.reschedule(41, " ", "chair"))).containsExactly("pauseReason required");
    assertThat(refusal(() -> scheduling.reschedule(99, "理由", "chair"))).containsExactly("meetingId unknown");
    verify(f.meetings, never()).reschedule(anyLong(), any(), anyString());
    verifyNoInteractions(f.timeline);
  }

  @Test
  void aMeetingRescheduledWithoutCaseNotesNothing() {
    f.meeting(42, null);

    assertThat(scheduling.reschedule(42, "场地冲突", "chair")).isEqualTo(LocalDate.of(2026, 3, 16));
    verify(f.meetings).reschedule(eq(42L), eq(LocalDate.of(2026, 3, 16)), eq("场地冲突"));
    f.nothingNoted();
  }
}
