package cn.yishi.application.port;

import cn.yishi.application.RegisteredCase;
import cn.yishi.application.Routing;
import java.time.OffsetDateTime;
import java.util.List;

/** The engine side of a case: its issueLifecycle process instance. */
public interface CaseProcesses {
  /**
   * Starts issueLifecycle for a case a channel registered (message start {@code issue.received}), with the case
   * number as business key and the registered facts as start variables; returns the process instance id.
   */
  String start(RegisteredCase registered);

  /** Delivers a resident's evaluation (issue.evaluated) to the waiting case. */
  void deliverEvaluation(String caseNo, int satisfaction, String comment);

  /**
   * A supervision order (督办单) for the case's process: a {@code userTask_supervise} for the
   * supervisor groups, due at {@code dueAt}, with the reason and a note the form shows.
   */
  record SupervisionTask(long orderId, List<String> supervisorGroups, OffsetDateTime dueAt, String reason, String note,
      int priority) {}

  /** Raises the supervision task in the case's process (message issue.supervise); false if the process has ended. */
  boolean supervise(String processInstanceId, SupervisionTask task);

  /**
   * A co-unit's task (协办, 组团): a {@code userTask_coHandle} for the unit's group ({@code unitGroup}) in the case's
   * process (message issue.coHandle), due with the case.
   */
  record CoHandlingTask(String unit, String unitName, String unitGroup) {}

  /** Raises the co-unit's task in the case's process; false if the process has ended. */
  boolean coHandle(String processInstanceId, CoHandlingTask task);

  /** The case moved tier: its open handling, dispatch and claim tasks follow the new routing and deadline. */
  void reroute(String processInstanceId, Routing routing);

  /**
   * The case's deadline was counted anew (the calendar changed): the process's deadline, the due date of its open
   * handling, dispatch and claim tasks, the deadline its open tasks show ({@code deadlineText}) and the overdue
   * timer follow. Nothing happens when the process has ended.
   */
  void moveDeadline(String processInstanceId, OffsetDateTime deadline, String deadlineText);
}
