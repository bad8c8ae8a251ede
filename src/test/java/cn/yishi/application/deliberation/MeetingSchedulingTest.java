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

/** A topic recorded with its tier and station, joining its session; the fixed day; the refusals. Sessions: DeliberationSessionsTest. */
class MeetingSchedulingTest {
  private final DeliberationFixture f = new DeliberationFixture();
  private final DeliberationSessions joining = org.mockito.Mockito.mock(DeliberationSessions.class);
  private final MeetingScheduling scheduling = new MeetingScheduling(f.cases, f.meetings, f.deliberations,
      f.bodies(), f.calendar, f.sessions, joining, f.directory);

  @org.junit.jupiter.api.BeforeEach
  void sessionsAnswer() {
    when(joining.join(anyLong())).thenAnswer(a -> new DeliberationSessions.Joined(5, LocalDate.of(2026, 3, 16), "hualin-room",
        "华林社区党群会客室", true));
    when(joining.facts(5)).thenReturn(new DeliberationSessions.Facts(5, "hualin-room", "华林社区党群会客室", "议事会", "hualin",
        LocalDate.of(2026, 3, 16), "议程第一项：上次议事会决议事项跟进", "OPEN"));
  }

  @Test
  void aRedCaseIsRecordedWithItsTierAndStationAndJoinsASession() {
    f.elevatorCase("housing");
    when(f.meetings.insertMeeting(any(), any(), any(), any(), any(), any(), any())).thenReturn(41L);

    MeetingScheduling.Scheduled s = scheduling.schedule(CASE_NO, null, null, null);

    LocalDate wednesday = LocalDate.of(2026, 3, 11);
    verify(f.meetings).insertMeeting(CASE_ID, "hualin", "RED", "三栋加装电梯", wednesday, null, NOW);
    verify(f.sessions).placeTopic(41, "ROOM", "hualin-yuyuan");
    verify(joining).join(41);
    assertThat(s).isEqualTo(new MeetingScheduling.Scheduled(41, 5, LocalDate.of(2026, 3, 16), "hualin-room",
        "议程第一项：上次议事会决议事项跟进", true));
  }

  @Test
  void aCommunityMatterWithoutCaseGoesToTheFixedDayAndNotesNothing() {
    when(f.meetings.insertMeeting(any(), any(), any(), any(), any(), any(), any())).thenReturn(42L);

    MeetingScheduling.Scheduled s = scheduling.schedule(null, "hualin", "  居民公约修订 ", "YELLOW");

    // the 15th is a Sunday: the next working day
    assertThat(s.dueDate()).isEqualTo(LocalDate.of(2026, 3, 16));
    verify(f.meetings).insertMeeting(null, "hualin", "YELLOW", "居民公约修订", LocalDate.of(2026, 3, 16), null, NOW);
    verify(f.sessions).placeTopic(42, null, null);
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
}
