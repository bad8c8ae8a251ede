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
import cn.yishi.adapter.process.deliberationsession.CloseAgendaDelegate;
import cn.yishi.adapter.process.deliberationsession.OpenSessionDelegate;
import cn.yishi.adapter.process.deliberationsession.PrepareAgendaDelegate;
import cn.yishi.adapter.process.deliberationsession.RecordSessionDelegate;
import cn.yishi.adapter.process.deliberationsession.RescheduleSessionDelegate;
import cn.yishi.adapter.process.deliberationsession.SessionOpinionTaskListener;
import cn.yishi.adapter.process.deliberationsession.SessionPartiesGlue;
import cn.yishi.application.deliberation.DeliberationSessions;
import cn.yishi.application.deliberation.MeetingRecords;
import cn.yishi.application.deliberation.MeetingScheduling;
import cn.yishi.application.deliberation.ResolutionImplementation;
import cn.yishi.application.deliberation.ResolutionPublicity;
import cn.yishi.application.port.Meetings;
import cn.yishi.application.port.Sessions;
import cn.yishi.domain.deliberation.VoteRule;
import cn.yishi.support.ProcessTestEngine;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The application services of bpmn/deliberation.bpmn, bpmn/deliberationSession.bpmn and bpmn/residentVote.bpmn as Mockito mocks, and the real
 * delegates, task listeners and glue beans of both models built on them (in the manner of Miragon's
 * BikeLeasingProcessTest), so that a process test checks what the delegates hand to the use cases and what they
 * write back. The mocks answer for one topic (7) of the hualin room that goes its plain way: it joins a new session (3)
 * on the fixed day, whose agenda holds it alone, with one item of the previous session (21) to follow up; four
 * parties; the session resolves the topic as its record says (expert review, vote); two resolution items (11 for
 * housing, 12 for water), a ballot vote (5) that passes, no objections. Going back to the meeting, the topic joins a
 * new session (4). A test overrides an answer where its path differs.
 */
public final class DeliberationServiceMocks {
  public static final long MEETING_ID = 7L;
  public static final long SESSION_ID = 3L;
  public static final long NEXT_SESSION_ID = 4L;
  public static final long FOLLOW_UP_ITEM = 21L;
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

  public static final String SESSION_TITLE = "华林社区党群会客室2026年3月6日议事会";
  public static final String SESSION_AGENDA = "议程第一项：上次议事会决议事项跟进\n议题：2. 〔议题7〕FX-2026-000042 御苑小区老楼加装电梯";
  public static final OffsetDateTime AGENDA_CLOSES = OffsetDateTime.parse("2026-03-04T09:00:00+08:00");
  public static final Sessions.Topic TOPIC = new Sessions.Topic(MEETING_ID, 1L, "FX-2026-000042", "御苑小区老楼加装电梯", "hualin",
      "YELLOW", Sessions.ON_AGENDA, null, null, null, null, "加装电梯费用分摊", RESOURCE_MATCHES);
  public static final Sessions.FollowUp FOLLOW_UP = new Sessions.FollowUp(FOLLOW_UP_ITEM, "urban-management", "清理楼道堆物",
      "OPEN", OffsetDateTime.parse("2026-02-27T18:00:00+08:00"), null, null);

  public final MeetingScheduling scheduling = mock(MeetingScheduling.class);
  public final DeliberationSessions sessions = mock(DeliberationSessions.class);
  public final MeetingRecords records = mock(MeetingRecords.class);
  public final ResolutionPublicity publicity = mock(ResolutionPublicity.class);
  public final ResolutionImplementation implementation = mock(ResolutionImplementation.class);
  public final ResidentVoteService votes = mock(ResidentVoteService.class);
  /** 民事民评 of the items: each item reported done starts an itemEvaluation (bpmn/itemEvaluation.bpmn). */
  public final cn.yishi.application.deliberation.ItemEvaluations itemEvaluations =
      mock(cn.yishi.application.deliberation.ItemEvaluations.class);
  public static final long EVALUATION_ID = 31L;
  public static final OffsetDateTime EVALUATION_CLOSES = OffsetDateTime.parse("2026-03-09T18:00:00+08:00");

  public DeliberationServiceMocks() {
    when(scheduling.schedule(any(), any(), any(), any()))
        .thenReturn(new MeetingScheduling.Scheduled(MEETING_ID, SESSION_ID, MEETING_DAY, ROOM_GROUP, AGENDA_FOLLOW_UP, true));
    when(sessions.rejoin(MEETING_ID)).thenReturn(new DeliberationSessions.Joined(NEXT_SESSION_ID, RESCHEDULED_DAY, ROOM_GROUP,
        "华林社区党群会客室", true));
    when(sessions.facts(anyLong())).thenAnswer(a -> new DeliberationSessions.Facts(a.getArgument(0), ROOM_GROUP,
        "华林社区党群会客室", SESSION_TITLE, "hualin", MEETING_DAY, SESSION_AGENDA, Sessions.OPEN));
    when(sessions.agendaClosesAt(anyLong())).thenReturn(AGENDA_CLOSES);
    when(sessions.topics(anyLong())).thenReturn(List.of(TOPIC));
    when(sessions.followUpItems(anyLong())).thenReturn(List.of(FOLLOW_UP));
    when(sessions.unitName(any())).thenAnswer(a -> "县城管局");
    when(sessions.closeAgenda(anyLong(), any(), any(), any(), any())).thenReturn(new DeliberationSessions.AgendaClosed(1, List.of()));
    when(sessions.parties(anyLong())).thenReturn(PARTIES);
    when(sessions.reschedule(anyLong(), any(), any())).thenReturn(RESCHEDULED_DAY);
    when(sessions.record(anyLong(), any(), any())).thenAnswer(a -> resolvedAsRecorded(a.getArgument(1)));
    when(publicity.startPublicity(MEETING_ID)).thenReturn(new ResolutionPublicity.Publicity("t-publicity", PUBLICITY_ENDS));
    when(implementation.openItemIds(MEETING_ID)).thenReturn(List.of(ITEM_HOUSING, ITEM_WATER));
    when(implementation.item(ITEM_HOUSING)).thenReturn(HOUSING_ITEM);
    when(implementation.item(ITEM_WATER)).thenReturn(WATER_ITEM);
    when(votes.plan(any(), any(), any()))
        .thenAnswer(a -> new ResidentVoteService.Plan(a.getArgument(0), null, a.getArgument(2), BALLOT, List.of()));
    when(votes.open(anyLong(), any(), any(), any())).thenReturn(new ResidentVoteService.Opened(VOTE_ID, VOTE_CLOSES, 12));
    when(votes.tally(VOTE_ID)).thenReturn(PASSED);
    when(itemEvaluations.item(anyLong())).thenAnswer(a -> itemFacts(a.getArgument(0)));
    when(itemEvaluations.facts(anyLong())).thenAnswer(a -> new cn.yishi.application.deliberation.ItemEvaluations.Facts(
        itemFacts(a.getArgument(0)), "县住建局", PARTIES, List.of(new cn.yishi.application.HouseholdRegisterService.Option(
            "hualin-yuyuan/1", "御苑小区 1栋", 12, null))));
    when(itemEvaluations.partyName(any())).thenAnswer(a -> a.getArgument(0));
    when(itemEvaluations.open(anyLong(), any(), any(), any(), any())).thenReturn(
        new cn.yishi.application.deliberation.ItemEvaluations.Opened(EVALUATION_ID, EVALUATION_CLOSES, 4, 12, 1));
  }

  /** An item as the evaluation reads it: reported done by its unit. */
  public static cn.yishi.application.port.ItemEvaluationStore.ItemFacts itemFacts(long itemId) {
    return new cn.yishi.application.port.ItemEvaluationStore.ItemFacts(itemId, MEETING_ID, SESSION_ID, 1L, "FX-2026-000042",
        "御苑小区老楼加装电梯", "hualin", "housing", "加装电梯井道施工", "DONE", "井道已完工并通过验收", null);
  }

  /** The session resolves each topic not paused, with the routing facts its record gives. */
  public static DeliberationSessions.Recorded resolvedAsRecorded(DeliberationSessions.SessionMinutes m) {
    if (m.paused()) {
      return new DeliberationSessions.Recorded(true, List.of(), List.of(), List.of());
    }
    return new DeliberationSessions.Recorded(false, m.topics().stream().filter(t -> !t.paused())
        .map(t -> new DeliberationSessions.Resolved(t.topic(), t.expertReview(), t.residentVote(), t.voteType(),
            t.voteCompound(), t.voteQuestion()))
        .toList(), m.topics().stream().filter(DeliberationSessions.TopicMinutes::paused).map(DeliberationSessions.TopicMinutes::topic)
        .toList(), List.of());
  }

  /** Registers the real delegates, listeners and glue beans of both models, built on these mocks. */
  public void install(Map<Object, Object> beans) {
    ProcessTestEngine.register(beans,
        new ScheduleMeetingDelegate(scheduling, ProcessTestEngine.CALENDAR),
        new RejoinSessionDelegate(sessions, ProcessTestEngine.CALENDAR),
        new OpenSessionDelegate(sessions, ProcessTestEngine.CALENDAR),
        new PrepareAgendaDelegate(sessions),
        new CloseAgendaDelegate(sessions),
        new SessionPartiesGlue(sessions),
        new SessionOpinionTaskListener(sessions),
        new RecordSessionDelegate(sessions),
        new RescheduleSessionDelegate(sessions, ProcessTestEngine.CALENDAR),
        new RecordExpertReviewDelegate(records),
        new StartPublicityDelegate(publicity),
        new CountObjectionsDelegate(publicity),
        new RecordObjectionDecisionDelegate(publicity),
        new AdoptResolutionDelegate(implementation),
        new ResolutionItemsGlue(implementation),
        new ResolutionItemTaskListener(implementation),
        new cn.yishi.adapter.process.itemevaluation.ItemEvaluationRequestListener(),
        new cn.yishi.adapter.process.itemevaluation.PrepareItemEvaluationDelegate(itemEvaluations),
        new cn.yishi.adapter.process.itemevaluation.ItemEvaluationTaskListener(itemEvaluations),
        new cn.yishi.adapter.process.itemevaluation.OpenItemEvaluationDelegate(itemEvaluations),
        new cn.yishi.adapter.process.itemevaluation.CloseItemEvaluationDelegate(itemEvaluations),
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
