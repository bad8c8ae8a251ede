package cn.yishi.application.deliberation;

import cn.yishi.application.Cases;
import cn.yishi.application.DeliberationProperties;
import cn.yishi.application.port.Meetings;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.TimelineAction;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a meeting is held: RED convenes within one working day, YELLOW and GREEN on the community's next
 * fixed deliberation day (固定议事日); the agenda opens with the follow-up of the previous meeting's items
 * (漩涡镇). A paused meeting (暂停) is rescheduled the same way. A meeting may concern a community matter
 * without a case (公约, 院落 plan).
 */
@Service
public class MeetingScheduling {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);

  private final Cases cases;
  private final Meetings meetings;
  private final Deliberations deliberations;
  private final DeliberationProperties properties;
  private final WorkingDayCalendar calendar;
  private final cn.yishi.application.port.Sessions sessions;
  private final DeliberationSessions joining;
  private final cn.yishi.domain.directory.Directory directory;

  public MeetingScheduling(Cases cases, Meetings meetings, Deliberations deliberations, DeliberationProperties properties,
      WorkingDayCalendar calendar, cn.yishi.application.port.Sessions sessions, DeliberationSessions joining,
      cn.yishi.domain.directory.Directory directory) {
    this.sessions = sessions;
    this.joining = joining;
    this.directory = directory;
    this.cases = cases;
    this.meetings = meetings;
    this.deliberations = deliberations;
    this.properties = properties;
    this.calendar = calendar;
  }

  /** The topic and the session whose agenda it joined (newSession: its process is to be started). */
  public record Scheduled(long meetingId, long sessionId, LocalDate dueDate, String bodyGroup, String agendaFollowUp,
      boolean newSession) {}

  /** Schedules a meeting for a case, or (caseNo null) for a community matter with its title and urgency. */
  @Transactional
  public Scheduled schedule(String caseNo, String community, String title, String urgency) {
    CaseFile c = caseNo == null ? null : cases.load(caseNo);
    String comm = c != null ? c.community() : community;
    String t = c != null ? c.title() : title == null ? "" : title.strip();
    String u = c != null ? (c.urgency() == null ? null : c.urgency().name()) : urgency;
    deliberations.rules().checkTopic(comm, t, u);
    LocalDate due = dueDate(comm, u);
    long id = meetings.insertMeeting(c == null ? null : c.id(), comm, u, t, due, null, cases.now());
    sessions.placeTopic(id, c == null || c.tier() == null ? null : c.tier().name(), c == null ? null : stationOf(comm, c.compound()));
    DeliberationSessions.Joined j = joining.join(id);
    return new Scheduled(id, j.sessionId(), j.date(), j.bodyGroup(), joining.facts(j.sessionId()).agenda(), j.newSession());
  }

  /** The station of the reported compound (its code or name), if the community has one; never every station. */
  private String stationOf(String community, String compound) {
    if (compound == null || compound.isBlank()) {
      return null;
    }
    String k = compound.strip();
    return directory.community(community).flatMap(c -> c.stations().stream()
        .filter(s -> s.code().equals(k) || s.name().startsWith(k) || k.startsWith(s.name().replace("党群会客站", "")))
        .map(cn.yishi.domain.directory.Directory.Station::code).findFirst()).orElse(null);
  }

  /** 暂停: the meeting is rescheduled (RED again within one working day), with the reason. */
  @Transactional
  public LocalDate reschedule(long meetingId, String reason, String actor) {
    Meetings.Meeting m = deliberations.meeting(meetingId);
    String r = deliberations.rules().pauseReason(reason);
    LocalDate due = dueDate(m.community(), m.urgency());
    meetings.reschedule(meetingId, due, r);
    deliberations.noteOnCase(m.caseId(), actor, TimelineAction.MEETING_PAUSED, "议事会暂停（" + r + "），改期至不晚于 " + due);
    return due;
  }

  private LocalDate dueDate(String community, String urgency) {
    LocalDate today = deliberations.today();
    return "RED".equals(urgency) ? calendar.plusWorkingDays(today, 1) : nextFixedDay(community, today);
  }

  /** The next fixed deliberation day after today (the same day counts if it is still ahead). */
  LocalDate nextFixedDay(String community, LocalDate today) {
    int day = properties.fixedDays().getOrDefault(community, properties.fixedDay());
    LocalDate candidate = today.withDayOfMonth(Math.min(day, today.lengthOfMonth()));
    if (!candidate.isAfter(today)) {
      LocalDate next = today.plusMonths(1);
      candidate = next.withDayOfMonth(Math.min(day, next.lengthOfMonth()));
    }
    return calendar.plusWorkingDays(candidate, 0);
  }

  /** 漩涡镇: the first point of the agenda is the follow-up of the previous meeting's items. */
  String agendaFollowUp(String community, long meetingId) {
    Optional<Meetings.Meeting> previous = meetings.previousHeldMeeting(community, meetingId);
    if (previous.isEmpty()) {
      return "议程第一项：上次议事会决议事项跟进——本社区此前没有议事会决议事项。";
    }
    Meetings.Meeting p = previous.get();
    StringBuilder b = new StringBuilder("议程第一项：上次议事会（")
        .append(p.heldAt().atZoneSameInstant(calendar.zone()).format(DAY)).append("，")
        .append(p.title() == null ? "" : p.title()).append("）决议事项跟进：");
    List<Meetings.Item> items = meetings.items(p.id()).stream().filter(i -> !"WITHDRAWN".equals(i.status())).toList();
    if (items.isEmpty()) {
      b.append("无决议事项。");
    }
    for (int i = 0; i < items.size(); i++) {
      Meetings.Item it = items.get(i);
      b.append("\n").append(i + 1).append(". ").append(deliberations.unitName(it.unit())).append("：").append(it.measure())
          .append("（期限 ").append(deliberations.dateOf(it.deadline())).append("，")
          .append(Deliberations.statusLabel(it.status())).append("）");
    }
    String s = b.toString();
    return s.length() > 4000 ? s.substring(0, 3999) + "…" : s;
  }
}
