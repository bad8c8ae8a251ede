package cn.yishi.application.port;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Deliberation sessions (议事会): one meeting of one body on one date with an agenda of topics (a topic is a
 * {@link Meetings.Meeting}); the parties' positions per topic (会前沟通), the record, and the follow-up of the
 * previous session's items with questions and ratings (漩涡). Status: OPEN (topics join), AGENDA (the convener confirms the agenda), CONVENED (agenda closed,
 * opinions gathered), HELD.
 */
public interface Sessions {
  String OPEN = "OPEN";
  /** The agenda closed for new topics; the convener confirms it. */
  String AGENDA = "AGENDA";
  String CONVENED = "CONVENED";
  String HELD = "HELD";
  /** Every topic moved away before the session: nothing to hold. */
  String CANCELLED = "CANCELLED";

  /** Topic outcomes on a session. */
  String ON_AGENDA = "AGENDA";
  String RESOLVED = "RESOLVED";
  String PAUSED = "PAUSED";
  String MOVED = "MOVED";

  record Session(long id, String bodyKind, String bodyCode, LocalDate date, boolean extraordinary, String status,
      String place, String extraParties, String attendees, Integer participants, String groundRules, boolean onSite,
      OffsetDateTime heldAt, String pauseReason, int reschedules) {}

  /** One topic on a session's agenda, with what the session decided of it. */
  record Topic(long meetingId, Long caseId, String caseNo, String title, String community, String urgency, String outcome,
      String reason, String statement, String discussion, String responsibilities, String problemList,
      String resourceMatches) {}

  record Position(long meetingId, String party, String position) {}

  /** A resolution item followed up at a session: its questions and rating. */
  /** The latest closed round of 民事民评 of an item (V24): how many rated, the average, the counts of 1 to 5, the outcome. */
  record ItemEvaluationResult(long itemId, int ratings, java.math.BigDecimal average, String distribution, String status) {}

  /** The latest closed 民事民评 round of each item resolved at the session, by item id. */
  default java.util.Map<Long, ItemEvaluationResult> itemEvaluations(long sessionId) {
    return java.util.Map.of();
  }

  record FollowUp(long itemId, String unit, String measure, String status, OffsetDateTime deadline, String questions,
      Integer rating) {}

  /** A topic's tier and station (routing), and the session whose agenda it is on. */
  record TopicPlace(String tier, String station, Long sessionId) {}

  void placeTopic(long meetingId, String tier, String station);

  TopicPlace topicPlace(long meetingId);

  /** A resolution item rated low goes back to its unit: OPEN again. */
  void reopenItem(long itemId);

  /** The item as the supervision orders see it, when it belongs to a case. */
  Optional<SupervisionStore.OpenItem> supervisableItem(long itemId);

  long insert(String bodyKind, String bodyCode, LocalDate date, boolean extraordinary, String place, OffsetDateTime now);

  Optional<Session> find(long id);

  /**
   * The OPEN session of a body on {@code date}, if any; {@code extraordinary} selects an extraordinary session
   * (RED) or a regular one.
   */
  Optional<Session> openOn(String bodyKind, String bodyCode, LocalDate date, boolean extraordinary);

  /** Whether the body has a session on {@code date} that no longer takes topics. */
  boolean closedOn(String bodyKind, String bodyCode, LocalDate date);

  /** The latest HELD session of the body before {@code sessionId} (by date, then id). */
  Optional<Session> previousHeld(String bodyKind, String bodyCode, long sessionId);

  /** Puts the topic on the session's agenda (it leaves the agenda it was on). */
  void addTopic(long sessionId, long meetingId, OffsetDateTime now);

  /** Marks the topic's outcome on the session (PAUSED or MOVED, with the reason; RESOLVED with its record). */
  void topicOutcome(long sessionId, long meetingId, String outcome, String reason, String statement, String discussion,
      String responsibilities);

  /** The topics on the session's agenda (outcome AGENDA), or every topic it had when {@code all}. */
  List<Topic> topics(long sessionId, boolean all);

  void setStatus(long sessionId, String status);

  void setExtraParties(long sessionId, String parties);

  void reschedule(long sessionId, LocalDate date, String reason);

  void record(long sessionId, String attendees, int participants, String groundRules, boolean onSite, String actor,
      OffsetDateTime heldAt);

  void savePosition(long sessionId, long meetingId, String party, String position, String actor, OffsetDateTime now);

  List<Position> positions(long sessionId);

  /** The resolution items that a session resolved (their follow-up opens the body's next session). */
  List<FollowUp> itemsResolvedAt(long sessionId);

  /** Links the items of a topic resolved at a session to that session. */
  void resolvedItemsAt(long sessionId, List<Long> itemIds);

  void saveFollowUp(long sessionId, long itemId, String questions, int rating, String actor, OffsetDateTime now);

  List<FollowUp> followUps(long sessionId);

  /** Invitee kinds: an expert of the talent pool (资源清单 TALENT entry), a topic's reporter (邀请反映人列席). */
  String TALENT = "TALENT";
  String REPORTER = "REPORTER";

  /**
   * A person invited to a session as one of its N: an expert (by the resource entry and expertise) or a topic's
   * reporter (by the topic only, never personal data); {@code mailed}: an invitation went out by mail.
   */
  record Invitee(String kind, Long resourceId, Long meetingId, String expertise, boolean mailed) {}

  void addInvitee(long sessionId, Invitee invitee, String actor, OffsetDateTime now);

  List<Invitee> invitees(long sessionId);

  /** Sessions of bodies in {@code bodyKeys} (KIND:code) from {@code from} on (upcoming) or before it (past). */
  List<Session> ofBodies(List<String> bodyKeys, LocalDate from, boolean upcoming, int limit);
}
