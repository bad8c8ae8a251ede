package cn.yishi.application.deliberation;

import cn.yishi.application.Cases;
import cn.yishi.application.port.Meetings;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.CaseFile;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A topic for deliberation (a case, or a community matter without one: 公约, 院落 plan) is recorded with its tier and
 * its compound's station, and joins the next session of the body at its tier ({@link DeliberationSessions#join}):
 * RED an extraordinary session within one working day, YELLOW and GREEN the body's next fixed deliberation day.
 */
@Service
public class MeetingScheduling {

  private final Cases cases;
  private final Meetings meetings;
  private final Deliberations deliberations;
  private final DeliberationBodies bodies;
  private final WorkingDayCalendar calendar;
  private final cn.yishi.application.port.Sessions sessions;
  private final DeliberationSessions joining;
  private final cn.yishi.domain.directory.Directory directory;

  public MeetingScheduling(Cases cases, Meetings meetings, Deliberations deliberations, DeliberationBodies bodies,
      WorkingDayCalendar calendar, cn.yishi.application.port.Sessions sessions, DeliberationSessions joining,
      cn.yishi.domain.directory.Directory directory) {
    this.sessions = sessions;
    this.joining = joining;
    this.directory = directory;
    this.cases = cases;
    this.meetings = meetings;
    this.deliberations = deliberations;
    this.bodies = bodies;
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
    sessions.placeTopic(id, c == null || c.tier() == null ? null : c.tier().name(), c == null ? null : placeOf(c));
    DeliberationSessions.Joined j = joining.join(id);
    return new Scheduled(id, j.sessionId(), j.date(), j.bodyGroup(), joining.facts(j.sessionId()).agenda(), j.newSession());
  }

  /**
   * Where a station topic is deliberated: the case's 院坝 (议事协商到院坝: its 院坝会), else the station of the reported
   * compound (its code, or the name of an older case), if the community has one; never every station.
   */
  private String placeOf(CaseFile c) {
    if (c.yuanba() != null && c.tier() == cn.yishi.domain.casefile.Tier.STATION) {
      return c.yuanba();
    }
    return directory.compound(c.community(), c.compound())
        .map(cn.yishi.domain.directory.Directory.Station::code).orElse(null);
  }

  private LocalDate dueDate(String community, String urgency) {
    LocalDate today = deliberations.today();
    return "RED".equals(urgency) ? calendar.plusWorkingDays(today, 1) : nextFixedDay(community, today);
  }

  /** The community room's next fixed deliberation day after today, as its settings say (议事机构). */
  LocalDate nextFixedDay(String community, LocalDate today) {
    return calendar.plusWorkingDays(bodies.settings(directory.bodyFor(community, cn.yishi.domain.casefile.Tier.ROOM, null))
        .nextFixedDay(today), 0);
  }
}
