package cn.yishi.adapter.process;

import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.adapter.process.monthlydispatch.MonthlyDispatch;
import cn.yishi.adapter.process.pointsaward.PointsAward;
import cn.yishi.adapter.process.proxyservice.ProxyService;
import cn.yishi.adapter.process.scheduledlistening.ScheduledListening;
import cn.yishi.adapter.process.variable.ProcessVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names each new user task after what it is about, as Tasklist lists it: the model's plain name (前置把关)
 * followed by the case number and title (前置把关 FX-2026-000001 御苑小区路灯不亮). A task without a case
 * gets the month (月调度审核 2026-11), the community (定期听接待 华林社区) or the proxy request (材料核对 DB20261206-1 低保申请) instead; a community matter
 * that the deliberation handles without a case, its title alone. The models keep plain names, so that
 * Camunda Modeler shows 前置把关 rather than an expression.
 */
@Component("taskTitleListener")
public class TaskTitleListener implements TaskListener {
  /** What a task can be about, in order: the first of these the task has a value of names it. */
  public static final List<List<ProcessVariable<String>>> SUBJECTS = List.of(
      List.of(IssueLifecycle.Var.CASE_NO, IssueLifecycle.Var.TITLE),
      List.of(MonthlyDispatch.Var.MONTH),
      List.of(PointsAward.Var.AWARD_SUBJECT),
      List.of(ScheduledListening.Var.COMMUNITY_NAME),
      List.of(ProxyService.Var.REQUEST_NO, ProxyService.Var.SERVICE_NAME));

  @Override
  public void notify(DelegateTask task) {
    for (List<ProcessVariable<String>> subject : SUBJECTS) {
      List<String> values = subject.stream()
          .map(v -> v.from(task))
          .filter(Objects::nonNull)
          .map(String::strip)
          .filter(v -> !v.isEmpty())
          .toList();
      if (!values.isEmpty()) {
        List<String> parts = new ArrayList<>();
        if (task.getName() != null && !task.getName().isBlank()) {
          parts.add(task.getName().strip());
        }
        parts.addAll(values);
        task.setName(String.join(" ", parts));
        return;
      }
    }
  }
}
