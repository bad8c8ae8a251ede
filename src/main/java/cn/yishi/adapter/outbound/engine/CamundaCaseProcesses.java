package cn.yishi.adapter.outbound.engine;

import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;
import cn.yishi.application.Routing;
import cn.yishi.application.port.CaseProcesses;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
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
  public String start(String caseNo) {
    return runtime.startProcessInstanceByKey(IssueLifecycle.PROCESS_KEY, caseNo,
        Variables.createVariables().putValue(IssueLifecycle.Var.CASE_NO, caseNo)).getId();
  }

  @Override
  public void deliverEvaluation(String caseNo, int satisfaction, String comment) {
    try {
      runtime.createMessageCorrelation(IssueLifecycle.MESSAGE_EVALUATED)
          .processInstanceBusinessKey(caseNo)
          .setVariable(IssueLifecycle.Var.SATISFACTION, satisfaction)
          .setVariable(IssueLifecycle.Var.EVALUATION_COMMENT, comment)
          .setVariable(IssueLifecycle.Var.EVALUATION_SOURCE, cn.yishi.application.EvaluationService.SOURCE_LINK)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new cn.yishi.application.EvaluationService.LinkRefused(cn.yishi.application.EvaluationService.LinkRefused.Reason.EXPIRED);
    }
  }

  @Override
  public boolean supervise(String processInstanceId, SupervisionTask task) {
    if (processInstanceId == null) {
      return false;
    }
    Map<String, Object> scope = new HashMap<>();
    scope.put(Var.SUPERVISION_ORDER_ID, task.orderId());
    scope.put(Var.SUPERVISION_GROUPS, String.join(",", task.supervisorGroups()));
    scope.put(Var.SUPERVISION_DUE, Date.from(task.dueAt().toInstant()));
    scope.put(Var.SUPERVISION_REASON, task.reason());
    scope.put(Var.SUPERVISION_NOTE, task.note());
    scope.put(Var.SUPERVISION_PRIORITY, task.priority());
    // declared in the order's scope, so that the supervisor's answers stay with this order
    scope.put(Var.SUPERVISION_COMMENT, null);
    scope.put(Var.SUPERVISION_ACKNOWLEDGED, false);
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
  public void reroute(String processInstanceId, Routing r) {
    if (processInstanceId == null) {
      return;
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put(Var.HANDLER_GROUPS, String.join(",", r.handlerGroups()));
    vars.put(Var.SUPERVISOR_GROUPS, String.join(",", r.supervisorGroups()));
    vars.put(Var.HANDLING_DEADLINE, r.deadline() == null ? null : Date.from(r.deadline().toInstant()));
    vars.put(Var.PRIORITY, r.priority());
    vars.put(Var.TIER, r.tier());
    if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
      return; // the process has ended
    }
    runtime.setVariables(processInstanceId, vars);
    for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKeyIn(IssueLifecycle.USER_TASK_HANDLE, IssueLifecycle.USER_TASK_DISPATCH, IssueLifecycle.USER_TASK_CLAIM)
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
    runtime.setVariable(processInstanceId, Var.HANDLING_DEADLINE, due);
    for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
      if (Set.of(IssueLifecycle.USER_TASK_HANDLE, IssueLifecycle.USER_TASK_DISPATCH, IssueLifecycle.USER_TASK_CLAIM)
          .contains(t.getTaskDefinitionKey())) {
        t.setDueDate(due);
        tasks.saveTask(t);
      }
      if (tasks.getVariableLocal(t.getId(), Var.LIST_DEADLINE) != null) {
        tasks.setVariableLocal(t.getId(), Var.LIST_DEADLINE, due);
      }
      if (tasks.getVariableLocal(t.getId(), Var.FACT_DEADLINE) != null) {
        tasks.setVariableLocal(t.getId(), Var.FACT_DEADLINE, deadlineText);
      }
    }
    // the handling task's overdue timer (timeDate ${handlingDeadline}) was fixed when the task began
    for (Job timer : management.createJobQuery().processInstanceId(processInstanceId)
        .activityId(IssueLifecycle.BOUNDARY_HANDLING_OVERDUE).timers().list()) {
      management.setJobDuedate(timer.getId(), due);
    }
  }
}
