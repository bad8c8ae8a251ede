package cn.yishi.application.deliberation;

import static cn.yishi.application.deliberation.SessionLookup.DAY;

import cn.yishi.application.port.Sessions;
import cn.yishi.domain.deliberation.Body;
import cn.yishi.domain.directory.GroupIds;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions (议事会), the use cases the session process and the pages call: a deliberated topic joins the next session
 * of the body at its tier ({@link SessionScheduling}); the convener closes the agenda and the parties give their
 * positions ({@link SessionAgenda}); one record of the session ({@link SessionRecords}); the public notice
 * ({@link SessionNotice}). This class holds what they share: the session's facts, its agenda as text, and the
 * shapes of their inputs and answers.
 */
@Service
public class DeliberationSessions {
  private final Sessions sessions;
  private final Deliberations deliberations;
  private final SessionLookup lookup;
  private final SessionScheduling scheduling;
  private final SessionAgenda agendas;
  private final SessionRecords records;
  private final SessionNotice notices;
  private final SessionInvitations invitations;

  public DeliberationSessions(Sessions sessions, Deliberations deliberations, SessionLookup lookup,
      SessionScheduling scheduling, SessionAgenda agendas, SessionRecords records, SessionNotice notices,
      SessionInvitations invitations) {
    this.sessions = sessions;
    this.deliberations = deliberations;
    this.lookup = lookup;
    this.scheduling = scheduling;
    this.agendas = agendas;
    this.records = records;
    this.notices = notices;
    this.invitations = invitations;
  }

  /** Where a topic landed: its session, the session's date and body, and whether the session is new. */
  public record Joined(long sessionId, LocalDate date, String bodyGroup, String bodyName, boolean newSession) {}

  /** What the session's tasks show and route by. */
  public record Facts(long sessionId, String bodyGroup, String bodyName, String title, String community, LocalDate date,
      String agenda, String status) {}

  /**
   * One topic of the agenda task as the convener decides it: its problem list, or a move with a reason; whether its
   * reporter is invited to attend (邀请反映人列席).
   */
  public record AgendaDecision(Long topic, String problemList, String moveToDate, String moveReason, boolean inviteReporter) {}

  public record AgendaClosed(int topics, List<Long> newSessions) {}

  public record TopicPosition(Long topic, String position) {}

  /** One topic's part of the record (六步: statement, discussion, responsibilities), or its pause with the reason. */
  public record TopicMinutes(Long topic, boolean paused, String pauseReason, String statement, String discussion,
      String responsibilities, boolean expertReview, boolean residentVote, String voteType, String voteCompound,
      String voteQuestion) {}

  public record ItemInput(Long topic, String unit, String measure, String deadline) {}

  public record FollowUpInput(Long item, String questions, Integer rating) {}

  /** The record of a held session, or the pause of the whole session with its reason. */
  public record SessionMinutes(boolean paused, String pauseReason, Boolean onSite, String attendees, Integer participants,
      String groundRules, List<TopicMinutes> topics, List<ItemInput> items, List<FollowUpInput> followUps) {}

  /** A topic the session resolved, with the routing facts of its further steps. */
  public record Resolved(long meetingId, boolean expertReview, boolean residentVote, String voteType, String voteCompound,
      String voteQuestion) {}

  public record Recorded(boolean paused, List<Resolved> resolved, List<Long> pausedTopics, List<Long> newSessions) {}

  /** A topic as the public sees it: its case number (none for a community matter), title, and what became of it. */
  public record PublicTopic(String caseNo, String title, String outcome) {}

  /** A resolution item on the public notice; {@code evaluation}: its latest 民事民评 result in words (null before one). */
  public record PublicItem(String unit, String measure, LocalDate deadline, String status, String evaluation) {}

  /**
   * A session on the public notice: date, body, place, its agenda; once held, its resolutions; the experts invited by
   * their expertise (never their names).
   */
  public record PublicSession(LocalDate date, String body, String place, boolean extraordinary, String status,
      List<PublicTopic> agenda, List<PublicItem> resolutions, List<String> invited) {}

  public record Notice(String community, String communityName, List<PublicSession> upcoming, List<PublicSession> past) {}

  /** An expert of the talent pool a convener may invite: the resource entry, its name and expertise (staff only). */
  public record Expert(long id, String label) {}

  // scheduling

  public Joined join(long meetingId) {
    return scheduling.join(meetingId);
  }

  public Joined rejoin(long meetingId) {
    return scheduling.rejoin(meetingId);
  }

  public OffsetDateTime agendaClosesAt(long sessionId) {
    return scheduling.agendaClosesAt(sessionId);
  }

  public void stopJoining(long sessionId) {
    scheduling.stopJoining(sessionId);
  }

  public LocalDate reschedule(long sessionId, String reason, String actor) {
    return scheduling.reschedule(sessionId, reason, actor);
  }

  // agenda and parties

  public AgendaClosed closeAgenda(long sessionId, List<AgendaDecision> decisions, List<String> extraParties,
      List<Long> experts, String actor) {
    return agendas.closeAgenda(sessionId, decisions, extraParties, experts, actor);
  }

  public Joined move(long sessionId, long meetingId, long targetSessionId, String reason, String actor) {
    return agendas.move(sessionId, meetingId, targetSessionId, reason, actor);
  }

  public List<String> parties(long sessionId) {
    return agendas.parties(sessionId);
  }

  public void recordPositions(long sessionId, String party, List<TopicPosition> positions, String actor) {
    agendas.recordPositions(sessionId, party, positions, actor);
  }

  /** The experts of the talent pool the convener of this session may invite (名称与专长, for staff). */
  @Transactional(readOnly = true)
  public List<Expert> experts(long sessionId) {
    return invitations.experts(lookup.body(lookup.session(sessionId))).stream()
        .map(e -> new Expert(e.id(), e.name() + "（" + SessionInvitations.expertise(e) + "）")).toList();
  }

  // the record and the notice

  public Recorded record(long sessionId, SessionMinutes in, String actor) {
    return records.record(sessionId, in, actor);
  }

  public Notice notice(String community) {
    return notices.notice(community);
  }

  // facts

  public Body body(Sessions.Session s) {
    return lookup.body(s);
  }

  @Transactional(readOnly = true)
  public Facts facts(long sessionId) {
    Sessions.Session s = lookup.session(sessionId);
    Body b = lookup.body(s);
    String title = b.name() + DAY.format(s.date()) + (s.extraordinary() ? "临时议事会" : "议事会");
    return new Facts(s.id(), b.group(), b.name(), title, b.community(), s.date(), agendaText(s), s.status());
  }

  /** The topics on the session's agenda now. */
  @Transactional(readOnly = true)
  public List<Sessions.Topic> topics(long sessionId) {
    return sessions.topics(sessionId, false);
  }

  /** The previous session's items that open this session's agenda (漩涡). */
  @Transactional(readOnly = true)
  public List<Sessions.FollowUp> followUpItems(long sessionId) {
    return lookup.followUpItems(sessionId);
  }

  /** The agenda as text: the follow-up of the previous session's items, the topics, and who is invited to attend. */
  String agendaText(Sessions.Session s) {
    StringBuilder b = new StringBuilder();
    Optional<Sessions.Session> previous = sessions.previousHeld(s.bodyKind(), s.bodyCode(), s.id());
    if (previous.isEmpty()) {
      b.append("议程第一项：上次议事会决议事项跟进——此前没有议事会决议事项。");
    } else {
      b.append("议程第一项：上次议事会（").append(DAY.format(previous.get().date())).append("）决议事项跟进：");
      List<Sessions.FollowUp> items = followUpItems(s.id());
      if (items.isEmpty()) {
        b.append("无决议事项。");
      }
      for (int i = 0; i < items.size(); i++) {
        Sessions.FollowUp it = items.get(i);
        b.append("\n").append(i + 1).append(". ").append(deliberations.unitName(it.unit())).append("：").append(it.measure())
            .append("（期限 ").append(deliberations.dateOf(it.deadline())).append("，").append(Deliberations.statusLabel(it.status()))
            .append("）");
      }
    }
    List<Sessions.Topic> topics = sessions.topics(s.id(), false);
    b.append("\n议题：");
    if (topics.isEmpty()) {
      b.append("暂无。");
    }
    for (int i = 0; i < topics.size(); i++) {
      Sessions.Topic t = topics.get(i);
      b.append("\n").append(i + 2).append(". 〔议题").append(t.meetingId()).append("〕")
          .append(t.caseNo() == null ? "" : t.caseNo() + " ").append(t.title())
          .append("RED".equals(t.urgency()) ? "（红色）" : "");
      if (t.resourceMatches() != null) {
        b.append("\n   ").append(t.resourceMatches().replace("\n", "；"));
      }
    }
    String invited = invitations.summary(s.id()).text();
    if (!invited.isEmpty()) {
      b.append("\n").append(invited);
    }
    String text = b.toString();
    return text.length() > 4000 ? text.substring(0, 3999) + "…" : text;
  }

  /** A unit's Chinese name. */
  public String unitName(String code) {
    return deliberations.unitName(code);
  }

  /** The N a convener may add: units (共建单位, departments), the expert panel and the community groups. */
  public static boolean isPartyGroup(String group) {
    return group.startsWith("unit-") || group.equals(GroupIds.EXPERT_PANEL) || group.endsWith("-residents")
        || group.endsWith("-owners") || group.endsWith("-community") || group.endsWith("-social-orgs")
        || group.endsWith("-group-leaders") || group.endsWith("-migrants");
  }
}
