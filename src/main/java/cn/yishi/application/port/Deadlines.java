package cn.yishi.application.port;

import java.time.OffsetDateTime;
import java.util.List;

/** The handling deadlines of the open cases, as the working-day calendar counted them. */
public interface Deadlines {
  /** An open case's deadline and when it was counted from (null: before that was recorded). */
  record Open(long caseId, String caseNo, OffsetDateTime deadline, OffsetDateTime countedFrom) {}

  /** The case's deadline was just counted from {@code from}. */
  void counted(long caseId, OffsetDateTime from);

  /** The open cases (accepted, in progress, deliberating, rework) whose deadline is at or after {@code from}. */
  List<Open> openFrom(OffsetDateTime from);

  /** How many open cases have their deadline in {@code [from, until)}. */
  long countOpen(OffsetDateTime from, OffsetDateTime until);
}
