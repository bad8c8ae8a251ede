package cn.yishi.adapter.process.issuelifecycle;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.application.HandlingService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The handling deadline passed: a new deadline, a supervision order (which raises userTask_supervise in
 * this process through the issue.supervise event subprocess), a mail to the unit, escalation at the
 * second miss.
 */
@Component("recordOverdueDelegate")
public class RecordOverdueDelegate implements JavaDelegate {
  private final HandlingService handling;

  public RecordOverdueDelegate(HandlingService handling) {
    this.handling = handling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HandlingService.Overdue overdue = handling.overdue(Var.CASE_NO.from(execution));
    IssueLifecycle.route(execution, overdue.routing());
  }
}
