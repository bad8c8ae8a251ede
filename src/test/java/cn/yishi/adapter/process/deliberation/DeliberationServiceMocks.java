package cn.yishi.adapter.process.deliberation;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.yishi.adapter.process.WorkingDaysGlue;
import cn.yishi.adapter.process.residentvote.EnterPaperBallotsDelegate;
import cn.yishi.adapter.process.residentvote.OpenVoteDelegate;
import cn.yishi.adapter.process.residentvote.RecordAssemblyDelegate;
import cn.yishi.adapter.process.residentvote.TallyVoteDelegate;
import cn.yishi.application.ResidentVoteService;
import cn.yishi.application.deliberation.MeetingPreparation;
import cn.yishi.application.deliberation.MeetingRecords;
import cn.yishi.application.deliberation.MeetingScheduling;
import cn.yishi.application.deliberation.ResolutionImplementation;
import cn.yishi.application.deliberation.ResolutionPublicity;
import cn.yishi.application.port.Meetings;
import cn.yishi.domain.deliberation.VoteRule;
import cn.yishi.support.ProcessTestEngine;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The application services of bpmn/deliberation.bpmn and bpmn/residentVote.bpmn as Mockito mocks, and the real
 * delegates, task listeners and glue beans of both models built on them (in the manner of Miragon's
 * BikeLeasingProcessTest), so that a process test checks what the delegates hand to the use cases and what they
 * write back. The mocks answer for one meeting (7) of the hualin room that goes its plain way: four parties, two
 * resolution items (11 for housing, 12 for water), a ballot vote (5) that passes, no objections. A test overrides
 * an answer where its path differs.
 */
public final class DeliberationServiceMocks {
  public static final long MEETING_ID = 7L;
  public static final long VOTE_ID = 5L;
  public static final long ITEM_HOUSING = 11L;
  public static final long ITEM_WATER = 12L;
  public static final String ROOM_GROUP = "hualin-room";
  public static final List<String> PARTIES = List.of("hualin-community", "hualin-owners", "unit-property-hualin", "hualin-residents");
  public static final String AGENDA_FOLLOW_UP = "议程第一项：上次议事会决议事项跟进";
  public static final String RESOURCE_MATCHES = "可调用资源：县住建局";
  /** The fixed deliberation day the meeting is scheduled for, and the day a paused meeting moves to. */
  public static final LocalDate MEETING_DAY = LocalDate.of(2026, 3, 6);
  public static final LocalDate RESCHEDULED_DAY = LocalDate.of(2026, 3, 20);
  public static final OffsetDateTime PUBLICITY_ENDS = OffsetDateTime.parse("2026-03-13T18:00:00+08:00");
  public static final OffsetDateTime VOTE_CLOSES = OffsetDateTime.parse("2026-03-16T18:00:00+08:00");
  public static final Meetings.Item HOUSING_ITEM = new Meetings.Item(ITEM_HOUSING, MEETING_ID, 1L, "housing",
      "加装电梯井道施工", OffsetDateTime.parse("2026-04-30T18:00:00+08:00"), "OPEN");
  public static final Meetings.Item WATER_ITEM = new Meetings.Item(ITEM_WATER, MEETING_ID, 1L, "water",
      "迁移供水管线", OffsetDateTime.parse("2026-05-29T18:00:00+08:00"), "OPEN");
  /** voteRule.dmn's rule for a ballot vote (not a matter reserved for the residents' meeting). */
  public static final VoteRule BALLOT = new VoteRule(VoteRule.Share.parse("2/3"), false, VoteRule.Share.parse("3/4"), false, true,
      false);
  public static final VoteRule ASSEMBLY = new VoteRule(VoteRule.Share.parse("1/2"), true, VoteRule.Share.parse("1/2"), true, false,
      true);
  public static final ResidentVoteService.Tally PASSED = new ResidentVoteService.Tally("PASSED", true, 12, 10, 1, 1);

  public final MeetingScheduling scheduling = mock(MeetingScheduling.class);
  public final MeetingPreparation preparation = mock(MeetingPreparation.class);
  public final MeetingRecords records = mock(MeetingRecords.class);
  public final ResolutionPublicity publicity = mock(ResolutionPublicity.class);
  public final ResolutionImplementation implementation = mock(ResolutionImplementation.class);
  public final ResidentVoteService votes = mock(ResidentVoteService.class);

  public DeliberationServiceMocks() {
    when(scheduling.schedule(any(), any(), any(), any()))
        .thenReturn(new MeetingScheduling.Scheduled(MEETING_ID, MEETING_DAY, ROOM_GROUP, AGENDA_FOLLOW_UP));
    when(scheduling.reschedule(eq(MEETING_ID), any(), any())).thenReturn(RESCHEDULED_DAY);
    when(preparation.parties(MEETING_ID)).thenReturn(PARTIES);
    when(preparation.draftProblemList(eq(MEETING_ID), any())).thenReturn(RESOURCE_MATCHES);
    when(records.record(eq(MEETING_ID), any(), any())).thenReturn(List.of(ITEM_HOUSING, ITEM_WATER));
    when(publicity.startPublicity(MEETING_ID)).thenReturn(new ResolutionPublicity.Publicity("t-publicity", PUBLICITY_ENDS));
    when(implementation.openItemIds(MEETING_ID)).thenReturn(List.of(ITEM_HOUSING, ITEM_WATER));
    when(implementation.item(ITEM_HOUSING)).thenReturn(HOUSING_ITEM);
    when(implementation.item(ITEM_WATER)).thenReturn(WATER_ITEM);
    when(votes.plan(any(), any(), any()))
        .thenAnswer(a -> new ResidentVoteService.Plan(a.getArgument(0), null, a.getArgument(2), BALLOT, List.of()));
    when(votes.open(anyLong(), any(), any(), any())).thenReturn(new ResidentVoteService.Opened(VOTE_ID, VOTE_CLOSES, 12));
    when(votes.tally(VOTE_ID)).thenReturn(PASSED);
  }

  /** Registers the real delegates, listeners and glue beans of both models, built on these mocks. */
  public void install(Map<Object, Object> beans) {
    ProcessTestEngine.register(beans,
        new ScheduleMeetingDelegate(scheduling, ProcessTestEngine.CALENDAR),
        new RescheduleMeetingDelegate(scheduling, ProcessTestEngine.CALENDAR),
        new MeetingPartiesGlue(preparation),
        new MeetingOpinionTaskListener(preparation),
        new MatchResourcesDelegate(preparation),
        new RecordMeetingDelegate(records, votes),
        new RecordExpertReviewDelegate(records),
        new StartPublicityDelegate(publicity),
        new CountObjectionsDelegate(publicity),
        new RecordObjectionDecisionDelegate(publicity),
        new AdoptResolutionDelegate(implementation),
        new ResolutionItemsGlue(implementation),
        new ResolutionItemTaskListener(implementation),
        new OpenVoteDelegate(votes),
        new EnterPaperBallotsDelegate(votes),
        new TallyVoteDelegate(votes),
        new RecordAssemblyDelegate(votes),
        new WorkingDaysGlue(ProcessTestEngine.CALENDAR, ProcessTestEngine.CLOCK));
  }

  /** The end of {@code day} in the calendar's zone, as the engine stores a due date. */
  public static Date endOf(LocalDate day) {
    return Date.from(day.atTime(ProcessTestEngine.CALENDAR.endOfDay()).atZone(ProcessTestEngine.CALENDAR.zone()).toInstant());
  }

  public static Date date(OffsetDateTime t) {
    return Date.from(t.toInstant());
  }
}
