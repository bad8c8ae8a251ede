package cn.yishi.application.port;

import java.time.OffsetDateTime;
import java.util.List;

/** The co-units (协办单位) of cases (组团): each with its status and its result. */
public interface CoUnits {
  enum Status { OPEN, FINISHED }

  /** One co-unit of a case. {@code result}, {@code finishedBy} and {@code finishedAt} are null while it is open. */
  record CoUnit(String unit, Status status, String result, String finishedBy, OffsetDateTime finishedAt) {}

  /** Adds a co-unit (status OPEN) to the case; false when the unit already co-handles it. */
  boolean add(long caseId, String unit, String assignedBy, OffsetDateTime at);

  /** The case's co-units in the order they were named. */
  List<CoUnit> of(long caseId);

  /** Records an open co-unit's result; false when the unit does not co-handle the case or has already finished. */
  boolean finish(long caseId, String unit, String result, String finishedBy, OffsetDateTime at);
}
