package cn.yishi.adapter.outbound.engine;

import cn.yishi.adapter.process.deliberation.Deliberation;
import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.application.port.OpenTasks;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Open tasks from the engine's task service. The lookup runs without the caller's authentication, so that a task
 * the caller may not read is refused by the use case (403) like one they may read but not work on, instead of
 * looking as if it did not exist; the caller's own authentication is restored afterwards.
 */
@Component
class CamundaOpenTasks implements OpenTasks {
  private final TaskService taskService;
  private final IdentityService identity;

  CamundaOpenTasks(TaskService taskService, IdentityService identity) {
    this.taskService = taskService;
    this.identity = identity;
  }

  @Override
  public Optional<OpenTask> find(String taskId) {
    if (taskId == null || taskId.isBlank()) {
      return Optional.empty();
    }
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      Task task = taskService.createTaskQuery().taskId(taskId).active().singleResult();
      if (task == null) {
        return Optional.empty();
      }
      List<String> groups = taskService.getIdentityLinksForTask(taskId).stream()
          .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
          .map(IdentityLink::getGroupId).toList();
      Object caseNo = taskService.getVariable(taskId, IssueLifecycle.Var.CASE_NO.name());
      return Optional.of(new OpenTask(taskId, purpose(task.getTaskDefinitionKey()),
          caseNo instanceof String s ? s : null, task.getAssignee(), groups));
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private static Purpose purpose(String taskDefinitionKey) {
    if (IssueLifecycle.USER_TASK_HANDLE.equals(taskDefinitionKey)
        || IssueLifecycle.USER_TASK_CO_HANDLE.equals(taskDefinitionKey)
        || Deliberation.USER_TASK_IMPLEMENT_ITEM.equals(taskDefinitionKey)) {
      return Purpose.HANDLING;
    }
    if (IssueLifecycle.USER_TASK_FOLLOW_UP_VISIT.equals(taskDefinitionKey)) {
      return Purpose.FOLLOW_UP_VISIT;
    }
    return Purpose.OTHER;
  }
}
