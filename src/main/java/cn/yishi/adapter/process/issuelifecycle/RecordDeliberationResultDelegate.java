package cn.yishi.adapter.process.issuelifecycle;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.application.HandlingService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** All resolution items of the deliberation are implemented: the case is resolved. */
@Component("recordDeliberationResultDelegate")
public class RecordDeliberationResultDelegate implements JavaDelegate {
  private final HandlingService handling;

  public RecordDeliberationResultDelegate(HandlingService handling) {
    this.handling = handling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    handling.resolveAfterDeliberation(Var.CASE_NO.from(execution));
  }
}
