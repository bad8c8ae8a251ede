package cn.yishi.application.deliberation;

import static cn.yishi.application.deliberation.SessionLookup.DAY;
import static cn.yishi.application.deliberation.SessionLookup.prefixed;
import static cn.yishi.application.deliberation.SessionLookup.refused;

import cn.yishi.application.port.Sessions;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.deliberation.Body;
import cn.yishi.domain.deliberation.SessionRules;
import cn.yishi.domain.deliberation.StandingParty;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.resource.ResourceEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agenda and the parties of a session: 确定议程 (per topic its problem list or a move with a reason; the N of the
 * session: groups, experts of the talent pool, the reporters invited), the moves of staff (改期), the parties asked
 * before the meeting (会前沟通: the body's standing parties per its party model for each community on the agenda, the
 * cases' departments, the N groups) and their positions, one per topic.
 */
@Service
public class SessionAgenda {
  private final Sessions sessions;
  private final Deliberations deliberations;
  private final Directory directory;
  private final DeliberationBodies bodies;
  private final MeetingPreparation preparation;
  private final SessionScheduling scheduling;
  private final SessionInvitations invitations;
  private final SessionLookup lookup;

  public SessionAgenda(Sessions sessions, Deliberations deliberations, Directory directory, DeliberationBodies bodies,
      MeetingPreparation preparation, SessionScheduling scheduling, SessionInvitations invitations, SessionLookup lookup) {
    this.sessions = sessions;
    this.deliberations = deliberations;
    this.directory = directory;
    this.bodies = bodies;
    this.preparation = preparation;
    this.scheduling = scheduling;
    this.invitations = invitations;
    this.lookup = lookup;
  }

  /**
   * 确定议程: each topic on the agenda gets its problem list (matched to the resource list) or is moved to another
   * session of the same body on a date not before today, with a reason; the N of this session are added (groups of
   * the directory, experts of the talent pool, the reporters of the topics ticked). Everything is checked before
   * anything is stored.
   */
  @Transactional
  public DeliberationSessions.AgendaClosed closeAgenda(long sessionId, List<DeliberationSessions.AgendaDecision> decisions,
      List<String> extraParties, List<Long> experts, String actor) {
    Sessions.Session s = lookup.session(sessionId);
    if (!Sessions.OPEN.equals(s.status()) && !Sessions.AGENDA.equals(s.status())) {
      throw refused("sessionId", "closed", "本次议事会议程已确定");
    }
    Body body = lookup.body(s);
    Map<Long, Sessions.Topic> agenda = lookup.agenda(sessionId);
    SessionRules.coversAgenda(agenda.keySet(), decisions.stream().map(DeliberationSessions.AgendaDecision::topic).toList(),
        t -> agenda.get(t).title());
    List<String> n = checkParties(extraParties);
    List<ResourceEntry> invitedExperts = invitations.checkExperts(body, experts);
    LocalDate today = deliberations.today();
    List<Runnable> writes = new ArrayList<>();
    List<Long> created = new ArrayList<>();
    List<Sessions.Topic> reporters = new ArrayList<>();
    for (DeliberationSessions.AgendaDecision d : decisions) {
      Sessions.Topic t = agenda.get(d.topic());
      if (d.moveToDate() != null && !d.moveToDate().isBlank()) {
        LocalDate target = SessionLookup.parseDate(d.moveToDate());
        boolean open = target != null && !sessions.closedOn(s.bodyKind(), s.bodyCode(), target) && !target.equals(s.date());
        String reason = prefixed(t, () -> SessionRules.move(body, body, target, open, today, d.moveReason()));
        writes.add(() -> created.addAll(moveTopic(s, body, t, target, reason, actor)));
      } else {
        String problems = prefixed(t, () -> deliberations.rules().problemList(d.problemList()));
        writes.add(() -> preparation.draftProblemList(t.meetingId(), problems));
        if (d.inviteReporter()) {
          reporters.add(t);
        }
      }
    }
    writes.forEach(Runnable::run);
    sessions.setExtraParties(sessionId, String.join(",", n));
    invitations.invite(s, body, invitedExperts, reporters, actor, deliberations.now());
    int staying = decisions.size() - (int) decisions.stream().filter(d -> d.moveToDate() != null && !d.moveToDate().isBlank()).count();
    sessions.setStatus(sessionId, staying == 0 ? Sessions.CANCELLED : Sessions.CONVENED);
    return new DeliberationSessions.AgendaClosed(staying, created);
  }

  /** Moves a topic to a session of the same body (checked already); returns the id of a session created for it. */
  private List<Long> moveTopic(Sessions.Session from, Body body, Sessions.Topic t, LocalDate target, String reason, String actor) {
    sessions.topicOutcome(from.id(), t.meetingId(), Sessions.MOVED, reason, null, null, null);
    SessionScheduling.Slot slot = scheduling.regularSession(body, target);
    sessions.addTopic(slot.id(), t.meetingId(), deliberations.now());
    deliberations.noteOnCase(t.caseId(), actor, TimelineAction.MEETING_PAUSED,
        "议题改至" + body.name() + DAY.format(target) + "议事会（" + reason + "）");
    return slot.created() ? List.of(slot.id()) : List.of();
  }

  /** Moves a topic of an OPEN session to another session of the same body (staff: 改期), with a reason. */
  @Transactional
  public DeliberationSessions.Joined move(long sessionId, long meetingId, long targetSessionId, String reason, String actor) {
    Sessions.Session s = lookup.session(sessionId);
    Sessions.Topic t = sessions.topics(sessionId, false).stream().filter(x -> x.meetingId() == meetingId).findFirst()
        .orElseThrow(() -> refused("topic", "unknown", "该议题不在本次议事会议程中"));
    Sessions.Session target = lookup.session(targetSessionId);
    Body from = lookup.body(s);
    Body to = lookup.body(target);
    String r = SessionRules.move(from, to, target.date(), Sessions.OPEN.equals(target.status()) && target.id() != s.id(),
        deliberations.today(), reason);
    sessions.topicOutcome(s.id(), meetingId, Sessions.MOVED, r, null, null, null);
    sessions.addTopic(target.id(), meetingId, deliberations.now());
    deliberations.noteOnCase(t.caseId(), actor, TimelineAction.MEETING_PAUSED,
        "议题改至" + to.name() + DAY.format(target.date()) + "议事会（" + r + "）");
    return new DeliberationSessions.Joined(target.id(), target.date(), to.group(), to.name(), false);
  }

  private List<String> checkParties(List<String> extra) {
    List<String> out = new ArrayList<>();
    Set<String> known = directory.groups().keySet();
    for (String g : extra == null ? List.<String>of() : extra) {
      if (g == null || !known.contains(g)) {
        throw refused("extraParties", "unknown", "相关利益方须从组织目录中选择");
      }
      if (!out.contains(g)) {
        out.add(g);
      }
    }
    return out;
  }

  /**
   * The parties of a session (会前沟通): for each community on the agenda the body's standing parties per its party
   * model (4+N / 5+N, 议事机构); the departments responsible for its cases; and the N groups the convener added.
   */
  @Transactional(readOnly = true)
  public List<String> parties(long sessionId) {
    Sessions.Session s = lookup.session(sessionId);
    Body body = lookup.body(s);
    List<StandingParty> standing = bodies.settings(body).parties();
    Set<String> groups = new LinkedHashSet<>();
    for (Sessions.Topic t : sessions.topics(sessionId, false)) {
      Sessions.TopicPlace place = body.kind() == Tier.STATION ? null : sessions.topicPlace(t.meetingId());
      String station = body.kind() == Tier.STATION ? body.code() : place == null ? null : place.station();
      standing.forEach(p -> groups.addAll(p.groups(directory, t.community(), station)));
      preparation.department(t.meetingId()).ifPresent(groups::add);
    }
    if (s.extraParties() != null && !s.extraParties().isBlank()) {
      groups.addAll(List.of(s.extraParties().split(",")));
    }
    return new ArrayList<>(groups);
  }

  /** One party's positions, one per topic on the agenda. */
  @Transactional
  public void recordPositions(long sessionId, String party, List<DeliberationSessions.TopicPosition> positions, String actor) {
    Sessions.Session s = lookup.session(sessionId);
    List<String> parties = parties(sessionId);
    Map<Long, Sessions.Topic> agenda = lookup.agenda(sessionId);
    SessionRules.coversAgenda(agenda.keySet(), positions.stream().map(DeliberationSessions.TopicPosition::topic).toList(),
        t -> agenda.get(t).title());
    List<String> checked = new ArrayList<>();
    for (DeliberationSessions.TopicPosition p : positions) {
      checked.add(prefixed(agenda.get(p.topic()), () -> deliberations.rules().position(p.position(), party, parties)));
    }
    for (int i = 0; i < positions.size(); i++) {
      sessions.savePosition(s.id(), positions.get(i).topic(), party, checked.get(i), actor, deliberations.now());
    }
  }
}
