package cn.yishi.application.port;

import cn.yishi.domain.casefile.TimelineAction;
import java.time.OffsetDateTime;
import java.util.List;

/** The append-only timeline (台账) of a case. */
public interface Timeline {
  record Entry(OffsetDateTime at, String actor, TimelineAction action, String note, boolean publicNote) {}

  void append(long caseId, OffsetDateTime at, String actor, TimelineAction action, String note, boolean publicNote);

  List<Entry> entries(long caseId);
}
