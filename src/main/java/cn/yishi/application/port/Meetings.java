package cn.yishi.application.port;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Deliberation meetings and their resolution items (决议清单). */
public interface Meetings {
  record Meeting(long id, Long caseId, String community, String urgency, LocalDate dueDate, OffsetDateTime heldAt) {}

  record Item(long id, long meetingId, Long caseId, String unit, String measure, OffsetDateTime deadline, String status) {}

  long insertMeeting(Long caseId, String community, String urgency, LocalDate dueDate, OffsetDateTime now);

  Optional<Meeting> findMeeting(long id);

  void recordMeeting(long id, OffsetDateTime heldAt, int participants, String summary, String actor);

  long insertItem(long meetingId, Long caseId, String unit, String measure, OffsetDateTime deadline);

  List<Item> items(long meetingId);

  Optional<Item> findItem(long id);

  void completeItem(long id, String note, OffsetDateTime now);
}
