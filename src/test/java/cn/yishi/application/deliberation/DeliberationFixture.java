package cn.yishi.application.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.application.Cases;
import cn.yishi.application.DeliberationProperties;
import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Deadlines;
import cn.yishi.application.port.Meetings;
import cn.yishi.application.port.Timeline;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.Classification;
import cn.yishi.domain.casefile.Disposal;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.Urgency;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory.Community;
import cn.yishi.domain.directory.Directory.Unit;
import cn.yishi.domain.directory.Directory.UnitType;
import cn.yishi.domain.directory.Directory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * What the deliberation services stand on in their unit tests: the ports (meetings, case records, timeline)
 * replaced by Mockito mocks; the clock fixed; the directory, the calendar and {@link Cases} real.
 */
final class DeliberationFixture {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** Tuesday 10 March 2026, 09:00 in Shanghai. */
  static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-10T09:00:00+08:00");
  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  static final long CASE_ID = 7;
  static final String CASE_NO = "FX-2026-000007";

  final Meetings meetings = mock(Meetings.class);
  final cn.yishi.application.port.Sessions sessions = mock(cn.yishi.application.port.Sessions.class);
  final MeetingPreparation preparation = mock(MeetingPreparation.class);
  final MeetingRecords records = mock(MeetingRecords.class);
  final cn.yishi.application.ResidentVoteService votes = mock(cn.yishi.application.ResidentVoteService.class);
  final cn.yishi.application.supervision.SupervisionOrders orders = mock(cn.yishi.application.supervision.SupervisionOrders.class);
  final CaseRepository caseRepository = mock(CaseRepository.class);
  final Timeline timeline = mock(Timeline.class);
  final InMemoryBodySettings bodySettings = new InMemoryBodySettings();
  final ResourceCatalogue resources = mock(ResourceCatalogue.class);
  final cn.yishi.application.port.MailOutbox outbox = mock(cn.yishi.application.port.MailOutbox.class);
  /** Weekends, and 清明 on Monday 6 April 2026. */
  final WorkingDayCalendar calendar = new WorkingDayCalendar(Set.of(LocalDate.of(2026, 4, 6)), Set.of(), Set.of(2026),
      LocalTime.of(18, 0), SHANGHAI);
  final Directory directory = new Directory("fx", "奉新县", List.of(new Directory.Street("fc", "冯川镇")),
      List.of(new Community("hualin", "华林社区", "fc", List.of(new Directory.Station("hualin-yuyuan", "御苑小区党群会客站"),
              new Directory.Station("hualin-binjiang", "滨江花园党群会客站"))),
          new Community("shengdian", "圣殿社区", "fc", List.of()),
          new Community("tangpu", "塘浦村", "fc", List.of())),
      List.of(new Unit("housing", "县住建局", UnitType.DEPARTMENT, null, null),
          new Unit("property-hualin", "华林物业", UnitType.PROPERTY, "hualin", null),
          new Unit("school", "华林中学", UnitType.CO_BUILDING, "hualin", null)),
      List.of());
  final Cases cases;
  /** The sessions' shared lookup (tests hand it the 院坝 store). */
  final SessionLookup lookup;
  final Deliberations deliberations;

  DeliberationFixture() {
    this(NOW);
  }

  DeliberationFixture(OffsetDateTime now) {
    cases = new Cases(caseRepository, timeline, Clock.fixed(now.toInstant(), SHANGHAI), calendar, directory, mock(Deadlines.class));
    deliberations = new Deliberations(meetings, cases, directory, calendar);
    lookup = new SessionLookup(sessions, directory);
  }

  /** Fixed day the 15th, the 28th in shengdian; publicity 5 and votes 7 working days; two resources. */
  static DeliberationProperties properties() {
    return new DeliberationProperties(15, Map.of("shengdian", 28), 5, 7, List.of(
        new DeliberationProperties.Resource("县司法局法律顾问", "部门", List.of("纠纷", "合同")),
        new DeliberationProperties.Resource("退休电梯工程师", "人才", List.of("电梯"))), List.of());
  }

  /** The sessions' use cases on these mocks (the resource matching, meeting records, votes and orders mocked). */
  DeliberationSessions sessionService() {
    DeliberationBodies bodies = bodies();
    SessionScheduling scheduling = new SessionScheduling(sessions, deliberations, directory, bodies, calendar, lookup);
    SessionInvitations invitations = new SessionInvitations(sessions, resources, directory, caseRepository, outbox,
        cn.yishi.application.ApplicationFixtures.templates(), "https://yishi.example/");
    return new DeliberationSessions(sessions, deliberations, lookup, scheduling,
        new SessionAgenda(sessions, deliberations, directory, bodies, preparation, scheduling, invitations, lookup),
        new SessionRecords(sessions, deliberations, records, votes, orders, scheduling, lookup),
        new SessionNotice(sessions, directory, deliberations, invitations, lookup), invitations);
  }

  /** The bodies' settings in memory (nothing stored: the configured defaults of {@link #properties()}). */
  DeliberationBodies bodies() {
    return new DeliberationBodies(bodySettings, directory, properties(), Clock.fixed(NOW.toInstant(), SHANGHAI));
  }

  /** A RED case of hualin about an elevator, handled by the department housing, stored under {@link #CASE_ID}. */
  CaseFile elevatorCase(String unit) {
    CaseFile c = new CaseFile(CASE_ID, CASE_NO, Channel.HOTLINE_12345, null, "facilities", "三栋加装电梯", "老人上下楼困难",
        "hualin", "御苑小区", 24, NOW.minusDays(3));
    c.accept(new Classification(Urgency.RED, Tier.ROOM, Disposal.DELIBERATED, unit), NOW.plusDays(5), NOW.plusDays(1));
    when(caseRepository.findById(CASE_ID)).thenReturn(Optional.of(c));
    when(caseRepository.findByCaseNo(CASE_NO)).thenReturn(Optional.of(c));
    return c;
  }

  /** A meeting of hualin, stored: for the case {@link #CASE_ID} when {@code caseId} is given, else a community matter. */
  Meetings.Meeting meeting(long id, Long caseId) {
    Meetings.Meeting m = new Meetings.Meeting(id, caseId, "hualin", "YELLOW", TODAY.plusDays(5), null, "三栋加装电梯",
        "议程第一项", null, null, null, null, null);
    return stored(m);
  }

  Meetings.Meeting stored(Meetings.Meeting m) {
    when(meetings.findMeeting(m.id())).thenReturn(Optional.of(m));
    return m;
  }

  static Meetings.Item item(long id, long meetingId, Long caseId, String unit, String measure, String deadline, String status) {
    return new Meetings.Item(id, meetingId, caseId, unit, measure, OffsetDateTime.parse(deadline), status);
  }

  /** One public timeline entry on the case, now, whose note contains {@code text}. */
  void noted(String actor, TimelineAction action, String text) {
    verify(timeline).append(eq(CASE_ID), eq(NOW), eq(actor), eq(action), org.mockito.ArgumentMatchers.contains(text), eq(true));
  }

  void nothingNoted() {
    verify(timeline, never()).append(anyLong(), any(), anyString(), any(), anyString(), anyBoolean());
  }

  /** The refusal's fields and codes, as "field code". */
  static List<String> refusal(ThrowingCallable call) {
    ValidationException e = catchThrowableOfType(ValidationException.class, call);
    assertThat(e).as("refused").isNotNull();
    return e.errors().stream().map(f -> f.field() + " " + f.code()).toList();
  }
}
