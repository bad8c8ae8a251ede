package cn.yishi.application.port;

import cn.yishi.domain.casefile.TimelineAction;
import java.time.OffsetDateTime;

/** The append-only timeline (台账) of a case. */
public interface Timeline {
  void append(long caseId, OffsetDateTime at, String actor, TimelineAction action, String note, boolean publicNote);
}
