package cn.yishi.application.port;

import cn.yishi.domain.casefile.TimelineAction;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The append-only timeline (台账) of a case. */
public interface Timeline {
  record Entry(OffsetDateTime at, String actor, TimelineAction action, String note, boolean publicNote) {}

  void append(long caseId, OffsetDateTime at, String actor, TimelineAction action, String note, boolean publicNote);

  List<Entry> entries(long caseId);

  /** A case's current deadline (null while none is set) and its latest timeline entries, oldest first. */
  record Recent(OffsetDateTime deadline, List<Entry> entries) {}

  /** One query: the deadline and the last {@code limit} entries of a case, or empty when there is no such case. */
  Optional<Recent> recent(String caseNo, int limit);
}
