package cn.yishi.application.port;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Deliberation meetings, their pre-meeting positions, resolution items (决议清单), publicity
 * objections and statistics. Items are PROPOSED when recorded, OPEN once the resolution is adopted
 * (after publicity), DONE when implemented, WITHDRAWN when the meeting reconvenes.
 */
public interface Meetings {
  record Meeting(long id, Long caseId, String community, String urgency, LocalDate dueDate, OffsetDateTime heldAt,
      String title, String agendaFollowUp, String publicityToken, OffsetDateTime publicityEndsAt, Integer participants,
      String summary, String responsibilities) {}

  record Item(long id, long meetingId, Long caseId, String unit, String measure, OffsetDateTime deadline, String status) {}

  /** The six-step record (六步) of a meeting. */
  record Record(OffsetDateTime heldAt, boolean onSite, String attendees, int participants, String groundRules,
      String topic, String summary, String responsibilities, String actor) {}

  record Opinion(String party, String position, String recordedBy, OffsetDateTime recordedAt) {}

  /** Meeting statistics of one community and month. */
  record MonthFigures(String community, String month, int meetings, int onSiteMeetings, int participants, int settled) {}

  long insertMeeting(Long caseId, String community, String urgency, String title, LocalDate dueDate,
      String agendaFollowUp, OffsetDateTime now);

  Optional<Meeting> findMeeting(long id);

  /** The latest held meeting of the community before this one, if any. */
  Optional<Meeting> previousHeldMeeting(String community, long beforeId);

  void reschedule(long id, LocalDate dueDate, String reason);

  void saveOpinion(long meetingId, String party, String position, String actor, OffsetDateTime now);

  List<Opinion> opinions(long meetingId);

  void saveProblemList(long id, String problems, String resourceMatches);

  void recordMeeting(long id, Record r);

  long insertItem(long meetingId, Long caseId, String unit, String measure, OffsetDateTime deadline, String status);

  /** Withdraws the items still PROPOSED (the meeting reconvenes); returns how many. */
  int withdrawProposedItems(long meetingId);

  /** Turns the PROPOSED items into OPEN ones and marks the meeting settled. */
  int adoptItems(long meetingId, OffsetDateTime now);

  List<Item> items(long meetingId);

  Optional<Item> findItem(long id);

  void completeItem(long id, String note, OffsetDateTime now);

  void startPublicity(long id, String token, OffsetDateTime startedAt, OffsetDateTime endsAt);

  Optional<Meeting> findByPublicityToken(String token);

  /** Meetings whose resolution is publicised now (张榜公示), newest first. */
  List<Meeting> inPublicity(String community, OffsetDateTime now);

  void insertObjection(long meetingId, String content, OffsetDateTime now);

  record Objection(String content, OffsetDateTime receivedAt) {}

  /** Every objection to the meeting's resolutions, oldest first. */
  List<Objection> objections(long meetingId);

  /** The objections received during the meeting's latest publicity. */
  int countObjections(long meetingId);

  /** Meetings held in [from, to), per community and month (yyyy-MM), in the zone of the offsets. */
  List<MonthFigures> statistics(String community, OffsetDateTime from, OffsetDateTime to, java.time.ZoneId zone);
}
