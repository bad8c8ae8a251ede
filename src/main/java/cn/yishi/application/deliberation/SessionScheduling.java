package cn.yishi.application.deliberation;

import static cn.yishi.application.deliberation.SessionLookup.DAY;

import cn.yishi.application.port.Meetings;
import cn.yishi.application.port.Sessions;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.deliberation.Body;
import cn.yishi.domain.deliberation.BodySettings;
import cn.yishi.domain.directory.Directory;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When and where a session is held: a topic joins the next session of the body at its tier (YELLOW/GREEN on the
 * body's next fixed deliberation day, RED on an extraordinary session within one working day, the RED topics of a
 * day together); the agenda closes two days before; a paused session is rescheduled. The fixed days and the place
 * are the body's settings as maintained (议事机构) when the session is created: a changed fixed day applies to
 * sessions created afterwards.
 */
@Service
public class SessionScheduling {
  private final Sessions sessions;
  private final Deliberations deliberations;
  private final Directory directory;
  private final DeliberationBodies bodies;
  private final WorkingDayCalendar calendar;
  private final SessionLookup lookup;

  public SessionScheduling(Sessions sessions, Deliberations deliberations, Directory directory, DeliberationBodies bodies,
      WorkingDayCalendar calendar, SessionLookup lookup) {
    this.sessions = sessions;
    this.deliberations = deliberations;
    this.directory = directory;
    this.bodies = bodies;
    this.calendar = calendar;
    this.lookup = lookup;
  }

  /** Puts a new topic on the agenda of the next session of the body at its tier. */
  @Transactional
  public DeliberationSessions.Joined join(long meetingId) {
    Meetings.Meeting m = deliberations.meeting(meetingId);
    return joinAfter(m, deliberations.today(), "列入");
  }

  /** The topic goes back to its body's next session (expert rejection, failed vote, objections: 重新议事). */
  @Transactional
  public DeliberationSessions.Joined rejoin(long meetingId) {
    Meetings.Meeting m = deliberations.meeting(meetingId);
    Sessions.TopicPlace place = sessions.topicPlace(meetingId);
    LocalDate after = deliberations.today();
    if (place.sessionId() != null) {
      LocalDate current = sessions.find(place.sessionId()).map(Sessions.Session::date).orElse(after);
      after = current.isAfter(after) ? current : after;
    }
    return joinAfter(m, after, "重新列入");
  }

  private DeliberationSessions.Joined joinAfter(Meetings.Meeting m, LocalDate after, String verb) {
    Sessions.TopicPlace place = sessions.topicPlace(m.id());
    Body body = bodyOf(m, place);
    boolean red = "RED".equals(m.urgency());
    LocalDate date;
    Optional<Sessions.Session> open;
    if (red) {
      date = calendar.plusWorkingDays(deliberations.today(), 1);
      open = sessions.openOn(body.kind().name(), body.code(), date, true);
    } else {
      date = nextFixedDay(body, after);
      while (sessions.closedOn(body.kind().name(), body.code(), date)) {
        date = nextFixedDay(body, date);
      }
      open = sessions.openOn(body.kind().name(), body.code(), date, false);
    }
    boolean created = open.isEmpty();
    LocalDate day = date;
    long sessionId = open.map(Sessions.Session::id)
        .orElseGet(() -> sessions.insert(body.kind().name(), body.code(), day, red, placeOf(body), deliberations.now()));
    sessions.addTopic(sessionId, m.id(), deliberations.now());
    deliberations.noteOnCase(m.caseId(), "system", TimelineAction.MEETING_SCHEDULED,
        (red ? "红色事项，" : "") + verb + body.name() + DAY.format(date) + (red ? "临时议事会" : "议事会") + "议程");
    return new DeliberationSessions.Joined(sessionId, date, body.group(), body.name(), created);
  }

  /**
   * The body of a topic: its tier (a community matter without one: the room) and its compound's station; an
   * inactive station's topics go to the room.
   */
  Body bodyOf(Meetings.Meeting m, Sessions.TopicPlace place) {
    Tier tier = place.tier() == null ? Tier.ROOM : Tier.valueOf(place.tier());
    return bodies.convening(directory.bodyFor(m.community(), tier, place.station(), lookup.yuanba(place.station())));
  }

  /** The body's next fixed deliberation day after {@code after}, on a working day (its settings, 议事机构). */
  LocalDate nextFixedDay(Body body, LocalDate after) {
    BodySettings s = bodies.settings(body);
    return calendar.plusWorkingDays(s.nextFixedDay(after), 0);
  }

  /** Where the body's sessions are held: its settings' place, else its name. */
  String placeOf(Body body) {
    String place = bodies.settings(body).place();
    return place != null ? place : body.name();
  }

  /** A session found or created: its id, and whether it is new (its process is to be started). */
  record Slot(long id, boolean created) {}

  /** The OPEN regular session of the body on {@code date}, or a new one. */
  Slot regularSession(Body body, LocalDate date) {
    Optional<Sessions.Session> open = sessions.openOn(body.kind().name(), body.code(), date, false);
    long id = open.map(Sessions.Session::id)
        .orElseGet(() -> sessions.insert(body.kind().name(), body.code(), date, false, placeOf(body), deliberations.now()));
    return new Slot(id, open.isEmpty());
  }

  /** When the agenda closes (议程截止): two days before a regular session at 9:00; an extraordinary session's at once. */
  @Transactional(readOnly = true)
  public OffsetDateTime agendaClosesAt(long sessionId) {
    Sessions.Session s = lookup.session(sessionId);
    OffsetDateTime at = s.date().minusDays(2).atTime(9, 0).atZone(calendar.zone()).toOffsetDateTime();
    return s.extraordinary() || at.isBefore(deliberations.now()) ? deliberations.now() : at;
  }

  /** 议程截止: the session takes no further topics (they go to the body's next session). */
  @Transactional
  public void stopJoining(long sessionId) {
    Sessions.Session s = lookup.session(sessionId);
    if (Sessions.OPEN.equals(s.status())) {
      sessions.setStatus(sessionId, Sessions.AGENDA);
    }
  }

  /** The whole session paused: it is rescheduled (extraordinary: the next working day; else the next fixed day). */
  @Transactional
  public LocalDate reschedule(long sessionId, String reason, String actor) {
    Sessions.Session s = lookup.session(sessionId);
    String r = deliberations.rules().pauseReason(reason);
    Body body = lookup.body(s);
    LocalDate today = deliberations.today();
    LocalDate date = s.extraordinary() ? calendar.plusWorkingDays(today, 1)
        : nextFixedDay(body, s.date().isAfter(today) ? s.date() : today);
    sessions.reschedule(sessionId, date, r);
    for (Sessions.Topic t : sessions.topics(sessionId, false)) {
      deliberations.noteOnCase(t.caseId(), actor, TimelineAction.MEETING_PAUSED,
          "议事会整场暂停（" + r + "），改期至" + DAY.format(date));
    }
    return date;
  }
}
