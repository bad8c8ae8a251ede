package cn.yishi.adapter.outbound.engine;

import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;
import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.application.EvaluationService;
import cn.yishi.application.RegisteredCase;
import cn.yishi.application.Routing;
import cn.yishi.application.port.CaseProcesses;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Starts issueLifecycle for a case and delivers messages to it, keyed by the case number. */
@Component
class CamundaCaseProcesses implements CaseProcesses {
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;

  CamundaCaseProcesses(RuntimeService runtime, TaskService tasks, ManagementService management) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
  }

  @Override
  public String start(RegisteredCase registered) {
    return runtime.createMessageCorrelation(IssueLifecycle.MESSAGE_RECEIVED)
        .processInstanceBusinessKey(registered.caseNo())
        .setVariables(IssueLifecycle.registered(registered))
        .correlateStartMessage()
        .getId();
  }

  @Override
  public void deliverEvaluation(String caseNo, int satisfaction, String comment) {
    try {
      runtime.createMessageCorrelation(IssueLifecycle.MESSAGE_EVALUATED)
          .processInstanceBusinessKey(caseNo)
          .setVariables(evaluation(satisfaction, comment))
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new EvaluationService.LinkRefused(EvaluationService.LinkRefused.Reason.EXPIRED);
    }
  }

  private static Map<String, Object> evaluation(int satisfaction, String comment) {
    Map<String, Object> v = new HashMap<>();
    Var.SATISFACTION.in(v, satisfaction);
    Var.EVALUATION_COMMENT.in(v, comment);
    return Var.EVALUATION_SOURCE.in(v, EvaluationService.SOURCE_LINK);
  }

  @Override
  public boolean supervise(String processInstanceId, SupervisionTask task) {
    if (processInstanceId == null) {
      return false;
    }
    Map<String, Object> scope = new HashMap<>();
    Var.SUPERVISION_ORDER_ID.in(scope, task.orderId());
    Var.SUPERVISION_GROUPS.in(scope, String.join(",", task.supervisorGroups()));
    Var.SUPERVISION_DUE.in(scope, task.dueAt());
    Var.SUPERVISION_REASON.in(scope, task.reason());
    Var.SUPERVISION_NOTE.in(scope, task.note());
    Var.SUPERVISION_PRIORITY.in(scope, task.priority());
    // declared in the order's scope, so that the supervisor's answers stay with this order
    Var.SUPERVISION_COMMENT.in(scope, null);
    Var.SUPERVISION_ACKNOWLEDGED.in(scope, false);
    try {
      runtime.createMessageCorrelation(IssueLifecycle.MESSAGE_SUPERVISE)
          .processInstanceId(processInstanceId)
          .setVariablesToTriggeredScope(scope)
          .correlateWithResult();
      return true;
    } catch (MismatchingMessageCorrelationException e) {
      return false;
    }
  }

  @Override
  public boolean coHandle(String processInstanceId, CoHandlingTask task) {
    if (processInstanceId == null) {
      return false;
    }
    Map<String, Object> scope = new HashMap<>();
    Var.CO_UNIT.in(scope, task.unit());
    Var.CO_UNIT_NAME.in(scope, task.unitName());
    Var.CO_HANDLING_GROUP.in(scope, task.unitGroup());
    // declared in the co-unit's scope, so that each co-unit's answer stays with its own task
    Var.CO_HANDLING_RESULT.in(scope, null);
    try {
      runtime.createMessageCorrelation(IssueLifecycle.MESSAGE_CO_HANDLE)
          .processInstanceId(processInstanceId)
          .setVariablesToTriggeredScope(scope)
          .correlateWithResult();
      return true;
    } catch (MismatchingMessageCorrelationException e) {
      return false;
    }
  }

  @Override
  public void reroute(String processInstanceId, Routing r) {
    if (processInstanceId == null) {
      return;
    }
    Map<String, Object> vars = new HashMap<>();
    Var.HANDLER_GROUPS.in(vars, String.join(",", r.handlerGroups()));
    Var.SUPERVISOR_GROUPS.in(vars, String.join(",", r.supervisorGroups()));
    Var.HANDLING_DEADLINE.in(vars, r.deadline());
    Var.PRIORITY.in(vars, r.priority());
    Var.TIER.in(vars, r.tier());
    if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
      return; // the process has ended
    }
    runtime.setVariables(processInstanceId, vars);
    for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKeyIn(IssueLifecycle.USER_TASK_HANDLE, IssueLifecycle.USER_TASK_DISPATCH, IssueLifecycle.USER_TASK_CLAIM,
            IssueLifecycle.USER_TASK_CO_HANDLE)
        .list()) {
      if (r.deadline() != null) {
        t.setDueDate(Date.from(r.deadline().toInstant()));
      }
      t.setPriority(r.priority());
      tasks.saveTask(t);
      if (IssueLifecycle.USER_TASK_HANDLE.equals(t.getTaskDefinitionKey())) {
        for (IdentityLink l : tasks.getIdentityLinksForTask(t.getId())) {
          if (IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null
              && !r.handlerGroups().contains(l.getGroupId())) {
            tasks.deleteCandidateGroup(t.getId(), l.getGroupId());
          }
        }
        r.handlerGroups().forEach(g -> tasks.addCandidateGroup(t.getId(), g));
      }
    }
  }

  @Override
  public void moveDeadline(String processInstanceId, OffsetDateTime deadline, String deadlineText) {
    if (processInstanceId == null
        || runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
      return;
    }
    Date due = Date.from(deadline.toInstant());
    runtime.setVariables(processInstanceId, Var.HANDLING_DEADLINE.in(new HashMap<>(), deadline));
    for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
      if (Set.of(IssueLifecycle.USER_TASK_HANDLE, IssueLifecycle.USER_TASK_DISPATCH, IssueLifecycle.USER_TASK_CLAIM,
              IssueLifecycle.USER_TASK_CO_HANDLE).contains(t.getTaskDefinitionKey())) {
        t.setDueDate(due);
        tasks.saveTask(t);
      }
      Map<String, Object> shown = tasks.getVariablesLocal(t.getId(),
          List.of(Var.LIST_DEADLINE.name(), Var.FACT_DEADLINE.name()));
      Map<String, Object> moved = new HashMap<>();
      if (Var.LIST_DEADLINE.from(shown) != null) {
        Var.LIST_DEADLINE.in(moved, deadline);
      }
      if (Var.FACT_DEADLINE.from(shown) != null) {
        Var.FACT_DEADLINE.in(moved, deadlineText);
      }
      if (!moved.isEmpty()) {
        tasks.setVariablesLocal(t.getId(), moved);
      }
    }
    // the handling task's overdue timer (timeDate ${handlingDeadline}) was fixed when the task began
    for (Job timer : management.createJobQuery().processInstanceId(processInstanceId)
        .activityId(IssueLifecycle.BOUNDARY_HANDLING_OVERDUE).timers().list()) {
      management.setJobDuedate(timer.getId(), due);
    }
  }
}
